"""Several reads in one statement: each queryset as it would answer on its own, all of them in one round trip.

A screen or a day's plan reads eight tables; each statement costs a round trip to PostgreSQL and Tortoise's own
work around it, more than the rows themselves. `fetch_together` builds each queryset's SQL as Tortoise would (its
manager's tenant filter included: a tenant model's queryset is scoped when it is made), numbers all their
parameters in one sequence, and selects each as an array of its rows, `ARRAY(SELECT q FROM (<query>) q)` (a
`values_list` as one array per column, from one scan), all side by side in one row. asyncpg hands every row back
with its columns' own types, so each row becomes a model exactly as Tortoise's executor makes it
(`Model._init_from_db`), or a tuple as `values_list` does. The statement runs on the connection the querysets
would use (the operation's transaction, row-level security beneath). A row's order is its query's `ORDER BY`.

Placement (`models.placement`): one statement runs on one database. For a synagogue placed in a database of its
own, a prepared read whose queries all read the synagogue's own rows runs its statement there; one that also reads
a central table (the synagogue's registry row beside its content) runs the synagogue's queries together there and
each central one on its own centrally (the copy of the registry row in a placed database is never read).

Plain querysets only: no `select_related`, `prefetch_related` or annotations (refused). SQLite (the embedded
default) runs them one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from pypika_tortoise.terms import Parameterizer
from tortoise.models import Model
from tortoise.queryset import QuerySet, ValuesListQuery

from models.base import PlacedMeta, current_tenant_id, tenant_context
from models.placement import routing

Read = QuerySet[Any] | ValuesListQuery[Any]
Decode = Callable[[Sequence[Any]], list[Any]]
"""Turns a query's columns of the statement's one row into its rows."""


def _models(query: QuerySet[Any], sql: str) -> tuple[str, int, Decode]:
    """Rows as records (each column its own type), made into models as Tortoise's executor makes them."""
    if query._select_related or query._prefetch_map or query._annotations:
        raise ValueError("fetch_together reads plain querysets (no related objects or annotations)")
    model = query.model
    names = [getattr(term, "alias", None) or term.name for term in query.query._selects]
    part = f"(SELECT ARRAY(SELECT q FROM ({sql}) q))"  # noqa: S608  (Tortoise's SQL, every value a parameter)
    return part, 1, lambda found: [model._init_from_db(**dict(zip(names, row, strict=True))) for row in found[0]]


def _values(query: ValuesListQuery[Any], sql: str) -> tuple[str, int, Decode]:
    """Columns as arrays (`values_list` reads many rows of a few columns: an array of each decodes fastest),
    zipped into tuples, each value converted as `values_list` converts it (native columns are left as they are)."""
    if query._flat:
        raise ValueError("fetch_together reads values_list() without flat=True")
    model, native = query.model, {name for _, name, _ in query.model._meta.db_native_fields}
    convert = [None if name in native else query.resolve_to_python_value(model, name) for name in query.fields.values()]
    columns = ", ".join(f'array_agg(q."{key}")' for key in query.fields)
    part = f"(SELECT {columns} FROM ({sql}) q)"  # noqa: S608  (Tortoise's SQL, every value a parameter)

    def decode(found: Sequence[Any]) -> list[Any]:
        if found[0] is None:
            return []
        values = [column if f is None else list(map(f, column)) for f, column in zip(convert, found, strict=True)]
        return list(zip(*values, strict=True))

    return part, len(query.fields), decode


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: list[Any]
    decoders: list[tuple[Decode, int, int]]


def _statement(queries: Sequence[Read], connection: Any) -> _Statement:
    parameters = Parameterizer()
    parts: list[str] = []
    decoders: list[tuple[Decode, int, int]] = []
    for query in queries:
        query._choose_db_if_not_chosen()
        if query._db is not connection:
            raise ValueError("fetch_together reads through one connection")
        query._make_query()
        sql = query.query.get_sql(query.query.QUERY_CLS.SQL_CONTEXT.copy(parameterizer=parameters))
        part, width, decode = _values(query, sql) if isinstance(query, ValuesListQuery) else _models(query, sql)
        start = decoders[-1][2] if decoders else 0
        decoders.append((decode, start, start + width))
        parts.append(f"{part} AS t{len(parts)}")
    # one row: each part is a relation of one row (an aggregate), side by side
    return _Statement("SELECT * FROM " + ", ".join(parts), list(parameters.values), decoders)  # noqa: S608


async def _run(connection: Any, statement: _Statement, params: list[Any]) -> list[list[Any]]:
    _, rows = await connection.execute_query(statement.sql, params)
    row = tuple(rows[0])
    return [decode(row[start:end]) for decode, start, end in statement.decoders]


async def fetch_together(*queries: Read) -> list[list[Any]]:
    """The rows of each query (models, or tuples for `values_list`), in the order given, in one statement."""
    if not queries:
        return []
    connection = queries[0]._db or queries[0]._choose_db()
    if connection.capabilities.dialect != "postgres":
        return [list(await query) for query in queries]
    statement = _statement(queries, connection)
    return await _run(connection, statement, statement.params)


def _placed(query: Read) -> bool:
    """Whether the query reads rows that live with the tenant in context (a tenant model, the job queue)."""
    return isinstance(query.model._meta, PlacedMeta)


async def _split(queries: Sequence[Read]) -> list[list[Any]]:
    """The rows of each query, in the order given: the tenant's rows in one statement on its connection, each
    central query on its own (a placed synagogue: see the module)."""
    own = iter(await fetch_together(*[query for query in queries if _placed(query)]))
    return [next(own) if _placed(query) else list(await query) for query in queries]


_TENANT = -7_304_119_001
"""The tenant a prepared statement is built for: never a real one (ids are positive)."""


class PreparedTogether:
    """`fetch_together` of querysets whose shape never changes, built once per process: `build(*values)` is called
    once with placeholder values of the same types (`samples`: one per value) and a placeholder tenant in context,
    and its statement is kept with where each value goes. Each call fills in its values and the tenant in context
    (`TenantContextMissing` without one, as a tenant manager refuses: the managers' own filters are in the SQL).
    A list value (a sample that is a list) is the list of an `__in` filter of integers: built with one element,
    its `IN ($n)` becomes `= ANY($n)`, which takes a list of any length (an empty one matches nothing, as an
    empty `__in` does). For the reads every request of a kind makes: building Tortoise's SQL costs more than the
    rows."""

    def __init__(self, build: Callable[..., Sequence[Read]], samples: Sequence[Any]) -> None:
        self._build = build
        self._samples = list(samples)
        self._prepared: tuple[_Statement, list[list[int]], list[int]] | None = None
        self._central: bool | None = None

    def _placeholder(self, slot: int) -> Any:
        """A value of the sample's type that no real value equals (ids are positive, years are recent)."""
        sample = self._samples[slot]
        if isinstance(sample, datetime):
            return datetime(1, 1, 1 + slot, tzinfo=UTC)
        if isinstance(sample, date):
            return date(1, 1, 1 + slot)
        return _TENANT - 1 - slot

    def _prepare(self, connection: Any) -> tuple[_Statement, list[list[int]], list[int]]:
        markers = [self._placeholder(slot) for slot in range(len(self._samples))]
        lists = [isinstance(sample, list) for sample in self._samples]
        with tenant_context(_TENANT):
            values = [[marker] if listed else marker for marker, listed in zip(markers, lists, strict=True)]
            queries = self._build(*values)
            for query in queries:  # the connection of the real tenant, wherever it lives (not the placeholder's)
                query._db = connection
            statement = _statement(queries, connection)
        params, sql = statement.params, statement.sql
        positions = [[at for at, param in enumerate(params) if param == marker] for marker in markers]
        tenant = [at for at, param in enumerate(params) if param == _TENANT]
        if not all(positions):
            raise ValueError("a value of a prepared read is not a parameter of its statement")
        for places, listed in zip(positions, lists, strict=True):
            for position in places if listed else ():
                if f"IN (${position + 1})" not in sql:
                    raise ValueError("a list value of a prepared read is not one `__in` filter")
                sql = sql.replace(f"IN (${position + 1})", f"= ANY(${position + 1})")
        self._prepared = (_Statement(sql, params, statement.decoders), positions, tenant)
        return self._prepared

    def _reads_central(self) -> bool:
        """Whether a query of the read is of a central model (not placed with its tenant): found once."""
        if self._central is None:
            with tenant_context(_TENANT):
                queries = self._build(*[[sample] if isinstance(sample, list) else sample for sample in self._samples])
            self._central = not all(_placed(query) for query in queries)
        return self._central

    async def fetch(self, model: type[Model], *values: Any) -> list[list[Any]]:
        """The rows of each query for `values`, read through `model`'s connection (the one in use), or, for a
        synagogue placed in a database of its own, through its connection (see the module)."""
        placed = routing.database_of(current_tenant_id()) != routing.SHARED
        if placed and self._reads_central():
            return await _split(self._build(*values))
        connection = routing.connection_for(current_tenant_id()) if placed else model._choose_db()
        if connection.capabilities.dialect != "postgres":
            return [list(await query) for query in self._build(*values)]
        statement, positions, tenant = self._prepared or self._prepare(connection)
        params = list(statement.params)
        for places, value in zip(positions, values, strict=True):
            for position in places:
                params[position] = value
        for position in tenant:
            params[position] = current_tenant_id()
        return await _run(connection, statement, params)
