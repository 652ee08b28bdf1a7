"""Builders shared by the tenancy tests (tests/security/test_tenancy_*.py): tenants, memberships, audit rows."""

from __future__ import annotations

from models.base import tenant_scope
from models.identity import Membership, Role
from models.platform import AuditEntry
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.conftest import Actor, Factory, unique


async def _membership_gid(user_id: int, tenant: Synagogue) -> str:
    row = await Membership.get(user_id=user_id, synagogue_id=tenant.id)
    return to_global_id("Membership", row.id)


async def _audit(tenant: Synagogue, count: int = 1, actor_id: int | None = None) -> list[int]:
    async with tenant_scope(tenant.id):
        return [(await AuditEntry.create(action=unique("seed"), actor_id=actor_id)).id for _ in range(count)]


async def _member_of_both(factory: Factory, role: Role = Role.ADMIN) -> tuple[Actor, Synagogue, Synagogue]:
    actor = await factory.member(role=role)
    other = await factory.tenant()
    await Membership.create(user=actor.user, synagogue=other, role=role)
    assert actor.tenant is not None
    return actor, actor.tenant, other
