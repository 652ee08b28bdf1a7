"""`models.compiled.read_page`, the compiled road's own transaction for a shared synagogue's page: its `BEGIN`
enters the tenant (row-level security sees only the tenant's rows even where the statement does not filter them),
it ends (nothing held on the connection afterwards), a failing statement rolls back and gives the connection back,
and it declines (None) where `tenant_scope` must read instead: a transaction already held, central rows."""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg
import pytest
from tortoise.connection import get_connection

from models.base import tenant_scope
from models.compiled import PageStatement, read_page
from models.content import Message
from tests.support.actors import Factory

# No tenant filter of its own: only row-level security (the tenant the BEGIN entered) limits it.
UNFILTERED = (
    "SELECT tenant_id, current_setting('app.tenant_id') AS setting FROM content_message"
    " WHERE $1::int > 0 LIMIT $2 OFFSET $3"
)


def page(sql: str = UNFILTERED, central: bool = False) -> PageStatement:
    return PageStatement(sql=sql, sql_given_zone=sql, zone=False, central=central)


async def two_with_messages(factory: Factory) -> tuple[int, int]:
    tenants = []
    for name in ("A", "B"):
        synagogue = await factory.tenant(name=name)
        async with tenant_scope(synagogue.id):
            for n in range(3):
                await Message.create(title=f"{name} {n}", starts_at=datetime.now(UTC))
        tenants.append(synagogue.id)
    return tenants[0], tenants[1]


async def test_the_begin_enters_the_tenant_and_row_level_security_holds_beneath(factory: Factory) -> None:
    first, second = await two_with_messages(factory)
    for tenant in (first, second):
        rows = await read_page(tenant, page(), 100, 0)
        assert rows is not None and len(rows) == 3
        assert {(row["tenant_id"], row["setting"]) for row in rows} == {(tenant, str(tenant))}


async def test_a_failing_statement_rolls_back_and_the_pool_keeps_serving(factory: Factory) -> None:
    first, _ = await two_with_messages(factory)
    pool = get_connection("default")._pool
    free = pool._queue.qsize()
    with pytest.raises(asyncpg.DivisionByZeroError):
        await read_page(first, page("SELECT 1 / ($1::int - $1::int) AS x LIMIT $2 OFFSET $3"), 1, 0)
    assert pool._queue.qsize() == free  # the connection went back
    for _ in range(pool.get_max_size() + 1):  # every pooled connection answers again, outside a transaction
        rows = await read_page(first, page(), 1, 0)
        assert rows is not None and len(rows) == 1
    async with pool.acquire() as connection:
        assert not connection.is_in_transaction()
        assert await connection.fetchval("SELECT current_setting('app.tenant_id', true)") in (None, "")


async def test_it_declines_inside_a_transaction_and_for_central_rows(factory: Factory) -> None:
    first, _ = await two_with_messages(factory)
    async with tenant_scope(first):
        assert await read_page(first, page(), 10, 0) is None
    assert await read_page(first, page(central=True), 10, 0) is None
