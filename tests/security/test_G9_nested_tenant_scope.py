"""G9 (security matrix, with the untenanted lane): a nested tenant scope for another synagogue inside an
operation (a savepoint) must hand the transaction back to the outer synagogue when it ends, so that row-level
security and every later statement of the operation serve the synagogue the operation acts for."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from models.base import tenant_scope
from models.platform import AuditEntry
from tests.support.actors import Factory, unique


async def _database_tenant(connection: BaseDBAsyncClient) -> str | None:
    rows = await connection.execute_query_dict("SELECT current_setting('app.tenant_id', true) AS tenant")
    tenant: str | None = rows[0]["tenant"]
    return tenant


async def test_G9_a_nested_scope_for_another_synagogue_hands_the_transaction_back(factory: Factory) -> None:
    outer, inner = await factory.tenant(), await factory.tenant()
    async with tenant_scope(outer.id) as connection:
        async with tenant_scope(inner.id):
            assert await _database_tenant(connection) == str(inner.id)
            await AuditEntry.create(action=unique("inner"))
        assert await _database_tenant(connection) == str(outer.id)
        action = unique("outer")
        await AuditEntry.create(action=action)  # RLS checks the row against the outer synagogue again
        assert await AuditEntry.filter(action=action).count() == 1


async def test_G9_a_failed_nested_scope_also_leaves_the_outer_synagogue(factory: Factory) -> None:
    outer, inner = await factory.tenant(), await factory.tenant()
    async with tenant_scope(outer.id) as connection:
        try:
            async with tenant_scope(inner.id):
                raise LookupError("the nested work fails")
        except LookupError:
            pass
        assert await _database_tenant(connection) == str(outer.id)
