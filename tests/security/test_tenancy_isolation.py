"""SECURITY-MATRIX rows T1–T4 and T6: one tenant's ids, pages, cursors and mutations never reach another
tenant's rows, no tenant never means every tenant, and PostgreSQL's row-level security holds for the
application's role.

Every test builds its own tenants. T6 talks to PostgreSQL as the application's role.
"""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
import pytest

from models.base import TenantModel, tenant_models
from models.identity import Membership, Role
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.database import APP_URL
from tests.support.graphql import GQL, answer, error_codes
from tests.support.placement import app_url, default_database
from tests.support.tenancy import member_of_both, membership_gid, seed_audit

NODE = "query Node($id: ID!) { node(id: $id) { id __typename } }"


def _denials(caplog: pytest.LogCaptureFixture, type_name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "shulgraph.access" and getattr(r, "type", None) == type_name]


# --- T1: an id of another tenant is exactly a missing id ---------------------------------------------------


async def test_T1_node_of_a_foreign_tenant_is_null_like_a_missing_id(
    gql: GQL, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    foreign = {
        "Synagogue": b.tenant.id,
        "Membership": (await Membership.get(user_id=b.user.id)).id,
        "AuditEntry": (await seed_audit(b.tenant))[0],
    }
    for type_name, pk in foreign.items():
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="shulgraph.access"):
            leaked = await gql(NODE, {"id": to_global_id(type_name, pk)}, actor=a)
            missing = await gql(NODE, {"id": to_global_id(type_name, 2**31 - 1)}, actor=a)
        assert answer(leaked) == answer(missing) == {"data": {"node": None}}, type_name
        assert _denials(caplog, type_name), f"denial of {type_name} not logged"
    own = await gql(NODE, {"id": a.tenant_gid}, actor=a)
    assert own["data"]["node"] == {"id": a.tenant_gid, "__typename": "Synagogue"}


async def test_T1_membership_ids_of_a_foreign_tenant_are_not_found_like_missing_ones(
    gql: GQL, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    foreign = await membership_gid(b, b.tenant)
    missing = to_global_id("Membership", 2**31 - 1)
    for operation, variables in (
        ("SetMemberRole", lambda gid: {"input": {"membershipId": gid, "role": "VIEWER"}}),
        ("RemoveMember", lambda gid: {"id": gid}),
    ):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="shulgraph.access"):
            leaked = await gql.op(operation, variables(foreign), actor=a)
            absent = await gql.op(operation, variables(missing), actor=a)
        assert error_codes(leaked) == ["NOT_FOUND"]
        assert answer(leaked) == answer(absent), operation
        assert _denials(caplog, "Membership")
    assert (await Membership.get(user_id=b.user.id)).role == Role.OWNER


async def test_T1_tenant_header_of_a_foreign_tenant_looks_like_a_missing_one(gql: GQL, factory: Factory) -> None:
    a = await factory.member()
    b = await factory.member()
    foreign = await gql.op("Synagogue", actor=a, headers={"X-Tenant-ID": b.tenant_gid})
    missing = await gql.op("Synagogue", actor=a, headers={"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)})
    assert error_codes(foreign) == ["FORBIDDEN"]
    assert answer(foreign) == answer(missing)


# --- T2: edges, pages and cursors of one tenant never hold another's rows ----------------------------------


async def _all_pages(gql: GQL, actor: Actor, tenant: Synagogue, operation: str, field: str) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        result = await gql.op(operation, {"first": 2, "after": after}, actor=actor, tenant=tenant)
        assert "errors" not in result, result
        connection = result["data"][field]
        nodes += [edge["node"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes
        after = connection["pageInfo"]["endCursor"]


async def test_T2_a_member_of_two_tenants_sees_only_the_acting_tenant(gql: GQL, factory: Factory) -> None:
    actor, a, b = await member_of_both(factory)
    a_members = {actor.user.email} | {(await factory.member(tenant=a, role=Role.VIEWER)).user.email for _ in range(2)}
    for _ in range(3):
        await factory.member(tenant=b, role=Role.VIEWER)
    a_entries = {to_global_id("AuditEntry", pk) for pk in await seed_audit(a, 3)}
    b_entries = {to_global_id("AuditEntry", pk) for pk in await seed_audit(b, 4)}

    members = await _all_pages(gql, actor, a, "Members", "members")
    assert {m["user"]["email"] for m in members} == a_members
    entries = await _all_pages(gql, actor, a, "AuditLog", "auditLog")
    assert {e["id"] for e in entries} == a_entries
    assert {e["id"] for e in await _all_pages(gql, actor, b, "AuditLog", "auditLog")} == b_entries

    counted = await gql.op("Members", {"first": 1}, actor=actor, tenant=a)
    assert counted["data"]["members"]["totalCount"] == len(a_members)


async def test_T2_a_cursor_from_one_tenant_pages_only_the_other_tenants_rows(gql: GQL, factory: Factory) -> None:
    actor, a, b = await member_of_both(factory)
    a_entries = {to_global_id("AuditEntry", pk) for pk in await seed_audit(a, 2)}
    await seed_audit(b, 6)
    page = await gql.op("AuditLog", {"first": 3}, actor=actor, tenant=b)
    cursor = page["data"]["auditLog"]["pageInfo"]["endCursor"]
    first = await gql.op("AuditLog", {"first": 1}, actor=actor, tenant=a)
    resumed = await gql.op(
        "AuditLog", {"first": 50, "after": first["data"]["auditLog"]["pageInfo"]["endCursor"]}, actor=actor, tenant=a
    )
    crossed = await gql.op("AuditLog", {"first": 50, "after": cursor}, actor=actor, tenant=a)
    seen = {e["node"]["id"] for e in resumed["data"]["auditLog"]["edges"] + crossed["data"]["auditLog"]["edges"]}
    assert seen <= a_entries


async def test_T2_nodes_of_the_other_tenant_are_null_while_acting_in_one(gql: GQL, factory: Factory) -> None:
    actor, a, b = await member_of_both(factory)
    b_entry = (await seed_audit(b))[0]
    ids = [
        to_global_id("Synagogue", b.id),
        await membership_gid(actor, b),
        to_global_id("AuditEntry", b_entry),
    ]
    for gid in ids:
        assert answer(await gql(NODE, {"id": gid}, actor=actor, tenant=a)) == {"data": {"node": None}}
        seen = await gql(NODE, {"id": gid}, actor=actor, tenant=b)
        assert seen["data"]["node"]["id"] == gid


# --- T3: mutations naming another tenant's row -------------------------------------------------------------


async def test_T3_member_mutations_on_a_foreign_membership_are_not_found_and_change_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    actor, a, b = await member_of_both(factory, Role.OWNER)
    victim = await factory.member(tenant=b, role=Role.EDITOR)
    gid = await membership_gid(victim, b)
    before = await owner_db.fetch("SELECT id, role FROM membership WHERE synagogue_id = $1 ORDER BY id", b.id)
    role = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=actor, tenant=a)
    removed = await gql.op("RemoveMember", {"id": gid}, actor=actor, tenant=a)
    assert error_codes(role) == error_codes(removed) == ["NOT_FOUND"]
    after = await owner_db.fetch("SELECT id, role FROM membership WHERE synagogue_id = $1 ORDER BY id", b.id)
    assert before == after
    assert await tenant_db.fetchval("SELECT count(*) FROM audit_entry WHERE tenant_id = ANY($1)", [a.id, b.id]) == 0


async def test_T3_a_viewer_is_refused_alike_for_a_foreign_membership_and_its_own_tenants(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    """Missing the role is checked before any id is looked up: the refusal tells nothing of another tenant."""
    viewer = await factory.member(role=Role.VIEWER)
    colleague = await factory.member(tenant=viewer.tenant, role=Role.EDITOR)
    foreign = await factory.member(role=Role.EDITOR)
    own_gid = await membership_gid(colleague, viewer.tenant)
    foreign_gid = await membership_gid(foreign, foreign.tenant)
    answers = []
    for gid in (own_gid, foreign_gid, to_global_id("Membership", 2**31 - 1)):
        role = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "OWNER"}}, actor=viewer)
        removed = await gql.op("RemoveMember", {"id": gid}, actor=viewer)
        assert error_codes(role) == error_codes(removed) == ["FORBIDDEN"], gid
        answers.append((answer(role), answer(removed)))
    assert answers[0] == answers[1] == answers[2]
    roles = await owner_db.fetch(
        "SELECT user_id, role FROM membership WHERE synagogue_id = ANY($1) ORDER BY id",
        [viewer.tenant.id, foreign.tenant.id],
    )
    assert [r["role"] for r in roles] == [Role.VIEWER, Role.EDITOR, Role.EDITOR]


# --- T4: no tenant never means every tenant ----------------------------------------------------------------


async def test_T4_a_member_of_two_tenants_without_a_header_reads_no_tenant(gql: GQL, factory: Factory) -> None:
    actor, _, _ = await member_of_both(factory)
    result = await gql.op("AuditLog", headers={"Authorization": f"Bearer {actor.token}"})
    assert error_codes(result) == ["TENANT_REQUIRED"]
    assert result["data"]["auditLog"] is None


# --- T6: PostgreSQL's row-level security as the application's role ----------------------------------------


async def test_T6_raw_sql_as_the_app_role_sees_no_foreign_rows(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    mine, theirs = await seed_audit(a), await seed_audit(b)
    conn = await asyncpg.connect(app_url(default_database()))  # where the factory's synagogues live
    try:
        unscoped_rows = await conn.fetch("SELECT id FROM audit_entry WHERE id = ANY($1)", mine + theirs)
        assert unscoped_rows == []
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(a.id))
            scoped = await conn.fetch("SELECT id FROM audit_entry WHERE id = ANY($1)", mine + theirs)
            assert [r["id"] for r in scoped] == mine
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(
                    "INSERT INTO audit_entry (tenant_id, action, target_id, impersonated, detail, request_id) "
                    "VALUES ($1, 'x', '', false, '{}', '')",
                    b.id,
                )
    finally:
        await conn.close()


async def test_T6_the_app_role_owns_nothing_and_cannot_bypass_rls(owner_db: asyncpg.Connection) -> None:
    conn = await asyncpg.connect(APP_URL)
    try:
        role = await conn.fetchrow(
            "SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb "
            "FROM pg_roles WHERE rolname = current_user"
        )
    finally:
        await conn.close()
    assert role is not None and not role["rolsuper"] and not role["rolbypassrls"]
    assert not role["rolcreaterole"] and not role["rolcreatedb"]
    owned = await owner_db.fetchval(
        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1", role["rolname"]
    )
    assert owned == 0


async def test_T6_every_tenant_table_has_row_level_security_enabled_and_forced(
    factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tables = {model._meta.db_table for model in tenant_models()}
    assert "audit_entry" in tables
    rows = await owner_db.fetch(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
        "EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relname = ANY($1)",
        sorted(tables),
    )
    assert {r["relname"] for r in rows} == tables
    for row in rows:
        assert row["relrowsecurity"] and row["relforcerowsecurity"] and row["has_policy"], row["relname"]
    assert all(issubclass(model, TenantModel) for model in tenant_models())
