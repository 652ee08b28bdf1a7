"""Several reads in one statement: each queryset as it would answer on its own, all of them in one round trip.

A screen or a day's plan reads eight tables; each statement costs a round trip to PostgreSQL and Tortoise's own
work around it, more than the rows themselves. `fetch_together` builds each queryset's SQL as Tortoise would (its
manager's tenant filter included: a tenant model's queryset is scoped when it is made), numbers all their
parameters in one sequence, and selects each as an array of its rows, `ARRAY(SELECT q FROM (<query>) q)`: asyncpg
hands every row back with its columns' own types, so each row becomes a model exactly as Tortoise's executor makes
it (`Model._init_from_db`), or a tuple as `values_list` does. The statement runs on the connection the querysets
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


def _decoder(query: Read) -> Decode:
    model = query.model
    if isinstance(query, ValuesListQuery):
        if query._flat:
            raise ValueError("fetch_together reads values_list() without flat=True")
        convert = [query.resolve_to_python_value(model, name) for name in query.fields.values()]
        return lambda rows: [tuple(f(value) for f, value in zip(convert, row, strict=True)) for row in rows]
    if query._select_related or query._prefetch_map or query._annotations:
        raise ValueError("fetch_together reads plain querysets (no related objects or annotations)")
    names = [getattr(term, "alias", None) or term.name for term in query.query._selects]
    return lambda rows: [model._init_from_db(**dict(zip(names, row, strict=True))) for row in rows]


async def fetch_together(*queries: Read) -> list[list[Any]]:
    """The rows of each query (models, or tuples for `values_list`), in the order given, in one statement."""
    if not queries:
        return []
    connection = queries[0]._db or queries[0]._choose_db()
    if connection.capabilities.dialect != "postgres":
        return [list(await query) for query in queries]
    parameters = Parameterizer()
    parts: list[str] = []
    decoders: list[Decode] = []
    for query in queries:
        query._choose_db_if_not_chosen()
        if query._db is not connection:
            raise ValueError("fetch_together reads through one connection")
        query._make_query()
        parts.append(query.query.get_sql(query.query.QUERY_CLS.SQL_CONTEXT.copy(parameterizer=parameters)))
        decoders.append(_decoder(query))
    # each part is Tortoise's own SQL for its queryset, every value in it a parameter
    sql = "SELECT " + ", ".join(f"ARRAY(SELECT q FROM ({part}) q)" for part in parts)  # noqa: S608
    _, rows = await connection.execute_query(sql, parameters.values)
    return [decode(list(found)) for decode, found in zip(decoders, rows[0], strict=True)]
