"""Tenancy for tests: the membership that ties a member to a synagogue (by global id, as clients name it), a
member of two synagogues at once, and audit rows seeded in a tenant for the tests that read the log."""

from __future__ import annotations

from models.base import tenant_scope
from models.identity import Membership, Role
from models.platform import AuditEntry
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Caller, Factory, unique


async def membership_gid(caller: Caller, tenant: Synagogue | None = None) -> str:
    """The global id of the caller's membership of `tenant`: by default the synagogue a member acts in; a caller
    who acts in none (an invitee who has just accepted) names it."""
    if tenant is None:
        assert isinstance(caller, Actor), "a caller who acts in no synagogue names the one to look in"
        tenant = caller.tenant
    row = await Membership.get(user_id=caller.user.id, synagogue_id=tenant.id)
    return to_global_id("Membership", row.id)


async def seed_audit(tenant: Synagogue, count: int = 1, actor_id: int | None = None) -> list[int]:
    """`count` audit entries of the tenant; their primary keys."""
    async with tenant_scope(tenant.id):
        return [(await AuditEntry.create(action=unique("seed"), actor_id=actor_id)).id for _ in range(count)]


async def member_of_both(factory: Factory, role: Role = Role.ADMIN) -> tuple[Actor, Synagogue, Synagogue]:
    """A member with `role` in two synagogues (acting in the first by default), and the two synagogues."""
    actor = await factory.member(role=role)
    other = await factory.tenant()
    await Membership.create(user=actor.user, synagogue=other, role=role)
    return actor, actor.tenant, other
