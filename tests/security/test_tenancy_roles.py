"""SECURITY-MATRIX rows Z1–Z4 over HTTP: roles of a member (too low a role is refused, a demotion or removal
counts from the next request) and impersonation of a tenant by a platform admin (audited) or by anyone else
(forbidden).

Every test builds its own tenants.
"""

from __future__ import annotations

import asyncpg

from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.graphql import GQL, error_codes
from tests.support.tenancy import membership_gid

Z2_QUERY = """
query Dashboard {
  synagogue { id name }
  members(first: 10) { totalCount }
  auditLog(first: 5) { edges { node { id } } }
}
"""


# --- Z1–Z4: roles and impersonation ------------------------------------------------------------------------


async def test_Z1_viewer_and_editor_calling_admin_mutations_are_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    outsider = await factory.user()
    for role in (Role.VIEWER, Role.EDITOR):
        actor = await factory.member(tenant=owner.tenant, role=role)
        update = await gql.op(
            "UpdateSynagogue", {"input": {"name": "Renamed", "candleLightingMinutes": 30}}, actor=actor
        )
        add = await gql.op("AddMember", {"input": {"email": outsider.email, "role": "ADMIN"}}, actor=actor)
        assert error_codes(update) == error_codes(add) == ["FORBIDDEN"]
        assert update["data"] == {"updateSynagogue": None} and add["data"] == {"addMember": None}
    row = await owner_db.fetchrow("SELECT name, candle_lighting_minutes FROM synagogue WHERE id = $1", owner.tenant.id)
    assert dict(row) == {"name": owner.tenant.name, "candle_lighting_minutes": 18}
    assert await owner_db.fetchval("SELECT count(*) FROM membership WHERE user_id = $1", outsider.id) == 0
    assert await tenant_db.fetchval("SELECT count(*) FROM audit_entry WHERE tenant_id = $1", owner.tenant.id) == 0


async def test_Z2_viewer_selecting_the_audit_log_gets_null_there_and_the_rest(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    result = await gql(Z2_QUERY, actor=viewer)
    assert error_codes(result) == ["FORBIDDEN"]
    assert result["errors"][0]["path"] == ["auditLog"]
    data = result["data"]
    assert data["auditLog"] is None
    assert data["synagogue"]["id"] == viewer.tenant_gid
    assert data["members"]["totalCount"] == 1
    admin = await factory.member(tenant=viewer.tenant, role=Role.ADMIN)
    full = await gql(Z2_QUERY, actor=admin)
    assert "errors" not in full and full["data"]["auditLog"] == {"edges": []}


async def test_Z3_a_demoted_or_removed_member_sees_the_change_on_the_next_request(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    assert "errors" not in await gql.op("AuditLog", actor=admin)
    gid = await membership_gid(admin, owner.tenant)
    demoted = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=owner)
    assert demoted["data"]["setMemberRole"]["membership"]["role"] == "VIEWER"
    after = await gql.op("AuditLog", actor=admin)
    assert error_codes(after) == ["FORBIDDEN"]
    assert "errors" not in await gql.op("Synagogue", actor=admin)
    await gql.op("RemoveMember", {"id": gid}, actor=owner)
    assert error_codes(await gql.op("Synagogue", actor=admin)) == ["FORBIDDEN"]


async def test_Z4_impersonation_header_from_a_non_platform_user_is_forbidden(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    other = await factory.member()
    for target in (owner.tenant_gid, other.tenant_gid):
        result = await gql.op(
            "Synagogue", headers={"Authorization": f"Bearer {owner.token}", "X-Customer-Context": target or ""}
        )
        assert error_codes(result) == ["FORBIDDEN"]
    foreign = await gql.op("Members", actor=owner, tenant=other.tenant)
    assert error_codes(foreign) == ["FORBIDDEN"]


async def test_Z4_platform_admin_impersonation_works_and_is_audited(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.platform_admin()
    headers = {"Authorization": f"Bearer {admin.token}", "X-Customer-Context": owner.tenant_gid}
    seen = await gql.op("Members", headers=headers)
    assert "errors" not in seen, seen
    assert [e["node"]["user"]["email"] for e in seen["data"]["members"]["edges"]] == [owner.user.email]
    changed = await gql.op("UpdateSynagogue", {"input": {"candleLightingMinutes": 25}}, headers=headers)
    assert changed["data"]["updateSynagogue"]["synagogue"]["candleLightingMinutes"] == 25
    rows = await tenant_db.fetch(
        "SELECT actor_id, tenant_id, action, impersonated FROM audit_entry WHERE tenant_id = $1 ORDER BY id",
        owner.tenant.id,
    )
    assert [dict(r) for r in rows] == [
        {
            "actor_id": admin.user.id,
            "tenant_id": owner.tenant.id,
            "action": "impersonate:Members",
            "impersonated": True,
        },
        {
            "actor_id": admin.user.id,
            "tenant_id": owner.tenant.id,
            "action": "impersonate:UpdateSynagogue",
            "impersonated": True,
        },
        {"actor_id": admin.user.id, "tenant_id": owner.tenant.id, "action": "synagogue.update", "impersonated": True},
    ]
    log = await gql.op("AuditLog", actor=owner)
    nodes = [e["node"] for e in log["data"]["auditLog"]["edges"]]
    assert nodes[-1]["actor"] == {"id": to_global_id("User", admin.user.id), "email": admin.user.email}
    assert all(n["impersonated"] for n in nodes)


async def test_Z4_platform_admin_naming_a_tenant_with_the_tenant_header_is_impersonation_too(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.platform_admin()
    result = await gql.op("Synagogue", actor=admin, tenant=owner.tenant)
    assert result["data"]["synagogue"]["id"] == owner.tenant_gid
    actions = await tenant_db.fetch(
        "SELECT action, impersonated FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2",
        owner.tenant.id,
        admin.user.id,
    )
    assert [dict(r) for r in actions] == [{"action": "impersonate:Synagogue", "impersonated": True}]
    missing = await gql.op(
        "Synagogue", actor=admin, headers={"X-Customer-Context": to_global_id("Synagogue", 2**31 - 1)}
    )
    assert error_codes(missing) == ["FORBIDDEN"]


async def test_Z4_an_invalid_token_with_a_tenant_header_is_unauthenticated(gql: GQL, factory: Factory) -> None:
    owner = await factory.member()
    result = await gql.op(
        "Synagogue", headers={"Authorization": "Bearer not-a-token", "X-Tenant-ID": owner.tenant_gid}
    )
    assert error_codes(result) == ["UNAUTHENTICATED"]
