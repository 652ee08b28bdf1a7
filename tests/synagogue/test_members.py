"""AddMember, SetMemberRole and RemoveMember: roles, the OWNER rules, other tenants' ids, the audit log. (What an
invitation does once sent, and whose sockets a removal closes, are the Z6 tests of tests/security/.)"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from models.identity import Invitation, Membership, Role, SessionFamily
from services.identity.sessions import start_session
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, answer, error_codes
from tests.support.snapshot import unchanged
from tests.support.tenancy import membership_gid


def codes(payload: dict[str, Any]) -> dict[str, str]:
    return {".".join(e["field"] or []): e["code"] for e in payload["userErrors"]}


async def role_of(actor: Actor) -> Role | None:
    row = await Membership.get_or_none(user_id=actor.user.id, synagogue_id=actor.tenant.id)
    return row.role if row else None


async def audit_actions(owner_db: asyncpg.Connection, tenant_id: int) -> list[tuple[str, int | None]]:
    rows = await owner_db.fetch("SELECT action, actor_id FROM audit_entry WHERE tenant_id = $1 ORDER BY id", tenant_id)
    return [(r["action"], r["actor_id"]) for r in rows]


async def test_add_member_invites_the_address_and_makes_no_member(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    newcomer = await factory.user()
    result = await gql.op("AddMember", {"input": {"email": newcomer.email.upper(), "role": "EDITOR"}}, actor=admin)
    assert answer(result) == {"data": {"addMember": {"membership": None, "userErrors": []}}}
    invitation = await Invitation.get(synagogue_id=admin.tenant.id, email=newcomer.email)
    assert (invitation.role, invitation.status) == (Role.EDITOR, "PENDING")
    assert not await Membership.exists(user_id=newcomer.id, synagogue_id=admin.tenant.id)
    assert await audit_actions(owner_db, admin.tenant.id) == [("invitation.create", admin.user.id)]


async def test_add_member_of_a_member_answers_the_membership_and_refuses_a_bad_address(
    gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    again = await gql.op("AddMember", {"input": {"email": admin.user.email, "role": "VIEWER"}}, actor=admin)
    membership = again["data"]["addMember"]["membership"]
    assert (membership["id"], membership["role"]) == (await membership_gid(admin), "ADMIN")
    assert await role_of(admin) == Role.ADMIN
    for bad in ("not an address", "a@b", "x" * 300 + "@example.org"):
        refused = await gql.op("AddMember", {"input": {"email": bad, "role": "VIEWER"}}, actor=admin)
        assert codes(refused["data"]["addMember"]) == {"email": "INVALID"}, bad
    assert not await Invitation.exists(synagogue_id=admin.tenant.id)


async def test_only_an_owner_invites_an_owner(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    owner = await factory.member(tenant=admin.tenant, role=Role.OWNER)
    first, second = await factory.user(), await factory.user()
    refused = await gql.op("AddMember", {"input": {"email": first.email, "role": "OWNER"}}, actor=admin)
    assert error_codes(refused) == ["FORBIDDEN"]
    assert not await Invitation.exists(email=first.email)
    granted = await gql.op("AddMember", {"input": {"email": second.email, "role": "OWNER"}}, actor=owner)
    assert granted["data"]["addMember"]["userErrors"] == []
    assert (await Invitation.get(email=second.email)).role == Role.OWNER


async def test_missing_role_add_member_needs_admin(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    editor = await factory.member(role=Role.EDITOR)
    outsider = await factory.user()
    async with unchanged(owner_db, editor):
        result = await gql.op("AddMember", {"input": {"email": outsider.email, "role": "VIEWER"}}, actor=editor)
        assert error_codes(result) == ["FORBIDDEN"]
        assert not await Invitation.exists(email=outsider.email)


async def test_cross_tenant_add_member_in_another_tenant_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    outsider = await factory.user()
    async with unchanged(owner_db, a, b):
        invitation = {"input": {"email": outsider.email, "role": "ADMIN"}}
        result = await gql.op("AddMember", invitation, actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        assert not await Invitation.exists(email=outsider.email)


async def test_set_member_role(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    gid = await membership_gid(viewer)
    result = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "EDITOR"}}, actor=admin)
    assert "errors" not in result, result
    assert result["data"]["setMemberRole"] == {"membership": {"id": gid, "role": "EDITOR"}, "userErrors": []}
    assert await role_of(viewer) == Role.EDITOR
    assert await audit_actions(owner_db, admin.tenant.id) == [("member.role", admin.user.id)]


async def test_only_an_owner_grants_or_takes_the_owner_role(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    owner = await factory.member(tenant=admin.tenant, role=Role.OWNER)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    grant = await gql.op(
        "SetMemberRole", {"input": {"membershipId": await membership_gid(editor), "role": "OWNER"}}, actor=admin
    )
    assert error_codes(grant) == ["FORBIDDEN"]
    demote = await gql.op(
        "SetMemberRole", {"input": {"membershipId": await membership_gid(owner), "role": "VIEWER"}}, actor=admin
    )
    assert error_codes(demote) == ["FORBIDDEN"]
    assert (await role_of(editor), await role_of(owner)) == (Role.EDITOR, Role.OWNER)
    promoted = await gql.op(
        "SetMemberRole", {"input": {"membershipId": await membership_gid(editor), "role": "OWNER"}}, actor=owner
    )
    assert promoted["data"]["setMemberRole"]["membership"]["role"] == "OWNER"
    demoted = await gql.op(
        "SetMemberRole", {"input": {"membershipId": await membership_gid(owner), "role": "ADMIN"}}, actor=owner
    )
    assert demoted["data"]["setMemberRole"]["membership"]["role"] == "ADMIN"
    assert (await role_of(editor), await role_of(owner)) == (Role.OWNER, Role.ADMIN)


async def test_the_last_owner_cannot_be_demoted(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    gid = await membership_gid(owner)
    result = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "ADMIN"}}, actor=owner)
    assert codes(result["data"]["setMemberRole"]) == {"role": "LAST_OWNER"}
    assert await role_of(owner) == Role.OWNER


async def test_missing_role_set_member_role_needs_admin(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    gid = await membership_gid(viewer)
    async with unchanged(owner_db, editor):
        result = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "ADMIN"}}, actor=editor)
        assert error_codes(result) == ["FORBIDDEN"]
        assert await role_of(viewer) == Role.VIEWER


async def test_cross_tenant_set_member_role_with_a_foreign_or_bad_id_is_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner_a = await factory.member(role=Role.OWNER)
    viewer_b = await factory.member(role=Role.VIEWER)
    missing = to_global_id("Membership", 2**31 - 1)
    async with unchanged(owner_db, owner_a, viewer_b):
        for gid in (await membership_gid(viewer_b), missing, "bm90IGFuIGlk", owner_a.tenant_gid):
            result = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "ADMIN"}}, actor=owner_a)
            assert error_codes(result) == ["NOT_FOUND"], gid
        assert await role_of(viewer_b) == Role.VIEWER


async def test_removing_a_member_ends_their_access_here_and_keeps_their_sessions(
    gql: GQL, factory: Factory, settings: Any, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    session = await start_session(settings, editor.user.id)
    gid = await membership_gid(editor)
    result = await gql.op("RemoveMember", {"id": gid}, actor=admin)
    assert "errors" not in result, result
    assert result["data"]["removeMember"] == {"removedId": gid, "userErrors": []}
    assert await role_of(editor) is None
    family = await SessionFamily.get(id=session.family_id)
    assert family.revoked_at is None  # Z6: their sessions are not this synagogue's to end
    assert await audit_actions(owner_db, admin.tenant.id) == [("member.remove", admin.user.id)]
    after = await gql.op("Synagogue", actor=editor)
    assert error_codes(after) == ["FORBIDDEN"]
    assert "errors" not in await gql.op("Me", headers={"Authorization": f"Bearer {editor.token}"})


async def test_the_last_owner_cannot_be_removed(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    result = await gql.op("RemoveMember", {"id": await membership_gid(owner)}, actor=owner)
    assert codes(result["data"]["removeMember"]) == {"id": "LAST_OWNER"}
    assert result["data"]["removeMember"]["removedId"] is None
    assert await role_of(owner) == Role.OWNER


async def test_only_an_owner_removes_an_owner(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    owner = await factory.member(tenant=admin.tenant, role=Role.OWNER)
    result = await gql.op("RemoveMember", {"id": await membership_gid(owner)}, actor=admin)
    assert error_codes(result) == ["FORBIDDEN"]
    assert await role_of(owner) == Role.OWNER


async def test_missing_role_remove_member_needs_admin(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    async with unchanged(owner_db, editor):
        result = await gql.op("RemoveMember", {"id": await membership_gid(viewer)}, actor=editor)
        assert error_codes(result) == ["FORBIDDEN"]
        assert await role_of(viewer) == Role.VIEWER


async def test_cross_tenant_remove_member_of_another_tenant_is_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner_a = await factory.member(role=Role.OWNER)
    editor_b = await factory.member(role=Role.EDITOR)
    async with unchanged(owner_db, owner_a, editor_b):
        result = await gql.op("RemoveMember", {"id": await membership_gid(editor_b)}, actor=owner_a)
        assert error_codes(result) == ["NOT_FOUND"]
        missing = await gql.op("RemoveMember", {"id": to_global_id("Membership", 2**31 - 1)}, actor=owner_a)
        assert (result["data"], result["errors"][0]["message"]) == (missing["data"], missing["errors"][0]["message"])
        assert await role_of(editor_b) == Role.EDITOR


async def test_two_owners_demoting_each_other_at_once_leave_one_owner(gql: GQL, factory: Factory) -> None:
    first = await factory.member(role=Role.OWNER)
    second = await factory.member(tenant=first.tenant, role=Role.OWNER)
    first_gid, second_gid = await membership_gid(first), await membership_gid(second)
    results = await asyncio.gather(
        gql.op("SetMemberRole", {"input": {"membershipId": second_gid, "role": "ADMIN"}}, actor=first),
        gql.op("SetMemberRole", {"input": {"membershipId": first_gid, "role": "ADMIN"}}, actor=second),
    )
    outcomes = sorted(
        error_codes(r)[0] if "errors" in r else (codes(r["data"]["setMemberRole"]).get("role") or "DEMOTED")
        for r in results
    )
    assert outcomes in (["DEMOTED", "LAST_OWNER"], ["DEMOTED", "FORBIDDEN"]), results
    assert {await role_of(first), await role_of(second)} == {Role.ADMIN, Role.OWNER}
