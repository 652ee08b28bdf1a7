"""Several reads in one statement: each queryset as it would answer on its own, all of them in one round trip.

A screen or a day's plan reads eight tables; each statement costs a round trip to PostgreSQL and Tortoise's own
work around it, more than the rows themselves. `fetch_together` builds each queryset's SQL as Tortoise would (its
manager's tenant filter included: a tenant model's queryset is scoped when it is made), numbers all their
parameters in one sequence, and selects each as an array of its rows, `ARRAY(SELECT q FROM (<query>) q)` (a
`values_list` as one array per column, from one scan), all side by side in one row. asyncpg hands every row back
with its columns' own types, so each row becomes a model exactly as Tortoise's executor makes it
(`Model._init_from_db`), or a tuple as `values_list` does. The statement runs on the connection the querysets
would use (the operation's transaction, row-level security beneath). A row's order is its query's `ORDER BY`.

Plain querysets only: no `select_related`, `prefetch_related` or annotations (refused). SQLite (the embedded
default) runs them one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pypika_tortoise.terms import Parameterizer
from tortoise.queryset import QuerySet, ValuesListQuery

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


async def fetch_together(*queries: Read) -> list[list[Any]]:
    """The rows of each query (models, or tuples for `values_list`), in the order given, in one statement."""
    if not queries:
        return []
    connection = queries[0]._db or queries[0]._choose_db()
    if connection.capabilities.dialect != "postgres":
        return [list(await query) for query in queries]
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
    _, rows = await connection.execute_query("SELECT * FROM " + ", ".join(parts), parameters.values)  # noqa: S608
    row = tuple(rows[0])
    return [decode(row[start:end]) for decode, start, end in decoders]
