"""AuditLog: ADMIN and above read their synagogue's privileged actions, newest first, and nothing else."""

from __future__ import annotations

import asyncpg

from models.base import tenant_scope
from models.identity import Membership, Role
from models.platform import AuditEntry
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL, answer, error_codes
from tests.support.invitations import accept, invite, invitee, token_for
from tests.support.snapshot import unchanged

NODE = "query Node($id: ID!) { node(id: $id) { id ... on AuditEntry { action } } }"


async def _entries(tenant: Synagogue, count: int, actor_id: int | None = None) -> list[str]:
    async with tenant_scope(tenant.id):
        rows = [await AuditEntry.create(action=unique("act"), actor_id=actor_id) for _ in range(count)]
    return [to_global_id("AuditEntry", row.id) for row in rows]


async def test_audit_log_lists_privileged_actions_newest_first(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    newcomer = await invitee(factory)
    invitation_id = (await invite(gql, owner, newcomer.user.email))["invitation"]["id"]
    accepted = await accept(gql, newcomer, await token_for(owner_db, newcomer.user.email))
    membership_id = accepted["membership"]["id"]
    await gql.op("SetMemberRole", {"input": {"membershipId": membership_id, "role": "EDITOR"}}, actor=owner)
    await gql.op("RemoveMember", {"id": membership_id}, actor=owner)
    await gql.op("UpdateSynagogue", {"input": {"useElevation": True}}, actor=owner)

    result = await gql.op("AuditLog", actor=owner)
    assert "errors" not in result, result
    nodes = [edge["node"] for edge in result["data"]["auditLog"]["edges"]]
    assert [(n["action"], n["targetId"]) for n in nodes] == [
        ("synagogue.update", owner.tenant_gid),
        ("member.remove", membership_id),
        ("member.role", membership_id),
        ("invitation.accept", invitation_id),
        ("invitation.create", invitation_id),
    ]
    by_owner = {"id": to_global_id("User", owner.user.id), "email": owner.user.email}
    by_newcomer = {"id": to_global_id("User", newcomer.user.id), "email": newcomer.user.email}
    assert [n["actor"] for n in nodes] == [by_owner, by_owner, by_owner, by_newcomer, by_owner]
    assert all(n["impersonated"] is False for n in nodes)


async def test_audit_log_pages_with_cursors(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    made = await _entries(admin.tenant, 5, admin.user.id)
    seen: list[str] = []
    after = None
    while True:
        page = await gql.op("AuditLog", {"first": 2, "after": after}, actor=admin)
        connection = page["data"]["auditLog"]
        seen += [edge["node"]["id"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == list(reversed(made))
    too_many = await gql.op("AuditLog", {"first": 101}, actor=admin)
    assert error_codes(too_many) == ["BAD_USER_INPUT"]


async def test_missing_role_audit_log_needs_admin(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    owner = await factory.member(role=Role.OWNER)
    await _entries(owner.tenant, 1)
    members = [await factory.member(tenant=owner.tenant, role=role) for role in (Role.VIEWER, Role.EDITOR)]
    async with unchanged(owner_db, owner):
        for member in members:
            result = await gql.op("AuditLog", actor=member)
            assert error_codes(result) == ["FORBIDDEN"]
            assert result["data"] == {"auditLog": None}
        assert error_codes(await gql.op("AuditLog")) == ["UNAUTHENTICATED"]


async def test_cross_tenant_audit_log_of_another_tenant_is_forbidden_and_never_mixed(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    mine = await _entries(a.tenant, 2)
    theirs = await _entries(b.tenant, 2)
    async with unchanged(owner_db, a, b):
        named = await gql.op("AuditLog", actor=a, tenant=b.tenant)
        nowhere = await gql.op("AuditLog", actor=a, headers={"X-Tenant-ID": to_global_id("Synagogue", 10**9)})
        assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(nowhere)
        result = await gql.op("AuditLog", actor=a)
        assert [edge["node"]["id"] for edge in result["data"]["auditLog"]["edges"]] == list(reversed(mine))
        missing = answer(await gql(NODE, {"id": to_global_id("AuditEntry", 10**9)}, actor=a))
        assert answer(await gql(NODE, {"id": theirs[0]}, actor=a)) == missing == {"data": {"node": None}}


async def test_audit_entry_node_is_for_admins_of_its_tenant(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    other_admin = await factory.member(role=Role.ADMIN)
    [gid] = await _entries(admin.tenant, 1)
    own = await gql(NODE, {"id": gid}, actor=admin)
    assert own["data"]["node"]["id"] == gid
    assert (await gql(NODE, {"id": gid}, actor=viewer))["data"] == {"node": None}
    assert (await gql(NODE, {"id": gid}, actor=other_admin))["data"] == {"node": None}


async def test_a_member_of_both_tenants_reads_each_log_separately(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    other = await factory.tenant()
    await Membership.create(user=admin.user, synagogue=other, role=Role.ADMIN)
    here = await _entries(admin.tenant, 2)
    there = await _entries(other, 3)
    for tenant, expected in ((admin.tenant, here), (other, there)):
        result = await gql.op("AuditLog", actor=admin, tenant=tenant)
        assert [edge["node"]["id"] for edge in result["data"]["auditLog"]["edges"]] == list(reversed(expected))


async def test_an_entry_outlives_its_deleted_actor(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    gone = await factory.user()
    [gid] = await _entries(admin.tenant, 1, actor_id=gone.id)
    await gone.delete()
    result = await gql.op("AuditLog", actor=admin)
    assert "errors" not in result, result
    assert [(e["node"]["id"], e["node"]["actor"]) for e in result["data"]["auditLog"]["edges"]] == [(gid, None)]
