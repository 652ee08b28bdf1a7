"""Pooled PostgreSQL connections go back to the pool without asyncpg's reset query (models.database.release_connection),
so nothing a request does may outlive its transaction on the connection: not the tenant, not a transaction,
not a lock, LISTEN or session setting. Every connection of the pool is checked after real requests. And the
tenant travels with the transaction's BEGIN (models.placement.connection.TenantConnection)."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from typing import Any

import asyncpg
from tortoise import connections

from models.base import tenant_scope
from models.identity import Role
from models.platform import AuditEntry
from tests.support.actors import Factory
from tests.support.graphql import GQL

SESSION_STATE = """
SELECT current_setting('app.tenant_id', true) AS tenant,
       (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory') AS advisory_locks,
       (SELECT count(*) FROM pg_listening_channels()) AS listening,
       current_setting('statement_timeout') AS statement_timeout
"""


async def _every_pooled_connection() -> list[dict[str, Any]]:
    pool = connections.get("default")._pool
    async with AsyncExitStack() as held:
        taken = [await held.enter_async_context(pool.acquire()) for _ in range(pool.get_size())]
        idle = [not connection.is_in_transaction() for connection in taken]  # as the server last reported
        return [{**dict(await c.fetchrow(SESSION_STATE)), "idle": i} for c, i in zip(taken, idle, strict=True)]


async def test_no_tenant_or_transaction_outlives_a_request_on_a_pooled_connection(
    gql: GQL, factory: Factory
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.VIEWER)
    baseline = (await _every_pooled_connection())[0]["statement_timeout"]
    for _ in range(3):
        await asyncio.gather(*(gql.op("Members", {"first": 10}, actor=actor) for actor in (a, b, a, b)))
        await gql.op("UpdateSynagogue", {"input": {"name": "Renamed"}}, actor=a)
    async with tenant_scope(a.tenant.id):
        await AuditEntry.create(action="pool-check")
    states = await _every_pooled_connection()
    assert states and all(
        s == {"tenant": s["tenant"], "idle": True, "advisory_locks": 0, "listening": 0, "statement_timeout": baseline}
        and s["tenant"] in (None, "")
        for s in states
    ), states


async def test_a_connection_given_back_inside_a_transaction_is_rolled_back() -> None:
    pool = connections.get("default")._pool
    async with pool.acquire() as connection:
        await connection.execute("BEGIN")
        await connection.execute("SELECT set_config('app.tenant_id', '424242', true)")
    states = await _every_pooled_connection()
    assert all(s["tenant"] in (None, "") and s["idle"] for s in states), states


async def test_the_tenant_travels_with_begin_in_one_statement(monkeypatch: Any) -> None:
    """`tenant_scope` opens its transaction with `BEGIN; SELECT shulgraph_enter_tenant(...)` in one round trip (the
    tenant setting, its fence and a move's switch lock); a scope nested in an open transaction (a savepoint) still
    enters its tenant with a statement of its own, and one more gives the outer scope's tenant back when it ends."""
    sent: list[str] = []
    execute, fetch = asyncpg.Connection.execute, asyncpg.Connection.fetch

    async def recording_execute(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        sent.append(query)
        return await execute(self, query, *args, **kwargs)

    async def recording_fetch(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
        sent.append(query)
        return await fetch(self, query, *args, **kwargs)

    monkeypatch.setattr(asyncpg.Connection, "execute", recording_execute)
    monkeypatch.setattr(asyncpg.Connection, "fetch", recording_fetch)
    async with tenant_scope(7) as connection:
        outer = await connection.execute_query_dict("SELECT current_setting('app.tenant_id') AS tenant")
        async with tenant_scope(8) as inner:
            nested = await inner.execute_query_dict("SELECT current_setting('app.tenant_id') AS tenant")
    assert outer == [{"tenant": "7"}] and nested == [{"tenant": "8"}]
    begins = [q for q in sent if q.startswith("BEGIN")]
    assert begins == ["BEGIN; SELECT shulgraph_enter_tenant(7);"], sent
    assert [q for q in sent if ("set_config" in q or "enter_tenant" in q) and not q.startswith("BEGIN")] == [
        "SELECT shulgraph_enter_tenant($1) AS writable",
        "SELECT set_config('app.tenant_id', $1, true)",
    ], sent
