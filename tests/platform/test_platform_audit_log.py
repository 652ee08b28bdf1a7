"""PlatformAuditLog: platform-level actions (releases published, synagogues entered by impersonation), read by
platform admins only, newest first; a synagogue's own log stays its own."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import pytest

from models.identity import Role
from services.infra.ids import from_global_id, to_global_id
from services.platform import audit
from tests.support.actors import Factory, PlatformAdmin, unique
from tests.support.database import APP_URL
from tests.support.graphql import GQL, answer, error_codes
from tests.support.snapshot import unchanged

PLATFORM_LOG = """
query PlatformAuditLog($first: Int = 50, $after: String) {
  platformAuditLog(first: $first, after: $after) {
    edges { node { id createdAt actor { id email } action targetId detail requestId } }
    pageInfo { hasNextPage endCursor }
  }
}"""
PUBLISH = """
mutation($input: PublishSoftwareReleaseInput!) {
  publishSoftwareRelease(input: $input) { release { id version } userErrors { field code } }
}"""
NODE = "query Node($id: ID!) { node(id: $id) { id ... on PlatformAuditEntry { action } } }"


async def _newest(gql: GQL, reader: PlatformAdmin, first: int = 10) -> list[dict[str, Any]]:
    result = await gql(PLATFORM_LOG, {"first": first}, actor=reader)
    assert "errors" not in result, result
    return [edge["node"] for edge in result["data"]["platformAuditLog"]["edges"]]


def _user(actor: PlatformAdmin) -> dict[str, str]:
    return {"id": to_global_id("User", actor.user.id), "email": actor.user.email}


async def test_publishing_a_release_is_in_the_platform_log(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    release = {"version": f"{uuid.uuid4().int % 10**9}.0.0", "channel": "BETA", "url": "https://dl.example.org/a.apk"}
    result = await gql(PUBLISH, {"input": {**release, "checksum": "sha256:" + "AB" * 32}}, actor=platform)
    published = result["data"]["publishSoftwareRelease"]
    assert published["userErrors"] == [], result
    request_id = gql.last_response.headers["x-request-id"] if gql.last_response else None

    [entry] = await _newest(gql, platform, first=1)
    assert entry["action"] == "software_release.publish"
    assert entry["targetId"] == published["release"]["id"]
    assert entry["actor"] == _user(platform)
    assert entry["detail"] == {"channel": "BETA", "version": release["version"], "checksum": "ab" * 32}
    assert entry["requestId"] == request_id and request_id
    assert (from_global_id(entry["id"]) or ("",))[0] == "PlatformAuditEntry"


async def test_a_refused_release_writes_no_entry(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    before = await _newest(gql, platform, first=1)
    bad = {"version": "not a version", "channel": "STABLE", "url": "https://dl.example.org/b.apk", "checksum": "x"}
    result = await gql(PUBLISH, {"input": bad}, actor=platform)
    assert result["data"]["publishSoftwareRelease"]["userErrors"], result
    assert await _newest(gql, platform, first=1) == before


async def test_the_log_pages_newest_first(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    made = [await audit.record_platform(unique("test.action"), actor_id=platform.user.id) for _ in range(5)]
    expected = [to_global_id("PlatformAuditEntry", row.id) for row in reversed(made)]
    seen: list[str] = []
    after = None
    while len(seen) < len(expected):
        page = await gql(PLATFORM_LOG, {"first": 2, "after": after}, actor=platform)
        connection = page["data"]["platformAuditLog"]
        seen += [edge["node"]["id"] for edge in connection["edges"]]
        assert connection["pageInfo"]["hasNextPage"] is True  # older entries of other tests follow
        after = connection["pageInfo"]["endCursor"]
    assert seen[: len(expected)] == expected
    assert error_codes(await gql(PLATFORM_LOG, {"first": 101}, actor=platform)) == ["BAD_USER_INPUT"]
    assert error_codes(await gql(PLATFORM_LOG, {"first": 0}, actor=platform)) == ["BAD_USER_INPUT"]


async def test_missing_role_a_synagogue_owner_cannot_read_the_platform_log(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    entry = await audit.record_platform(unique("test.secret"), detail_secret="platform only")
    gid = to_global_id("PlatformAuditEntry", entry.id)
    async with unchanged(owner_db, owner):
        for headers in ({}, {"X-Tenant-ID": owner.tenant_gid}):
            result = await gql(PLATFORM_LOG, actor=owner, headers=headers)
            assert error_codes(result) == ["FORBIDDEN"], result
            assert result["data"] == {"platformAuditLog": None}
            assert "platform only" not in str(result)
        missing = to_global_id("PlatformAuditEntry", 2**31 - 1)
        leaked, absent = (await gql(NODE, {"id": gid}, actor=owner)), (await gql(NODE, {"id": missing}, actor=owner))
        assert leaked == absent and leaked["data"] == {"node": None}  # a hidden entry looks like a missing one
        assert error_codes(leaked) == ["FORBIDDEN"]  # and node refuses as platformAuditLog does (Z5)
        anonymous = await gql(PLATFORM_LOG)
        assert error_codes(anonymous) == ["UNAUTHENTICATED"] and anonymous["data"] == {"platformAuditLog": None}


async def test_a_platform_admin_reads_an_entry_by_its_id(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    entry = await audit.record_platform(unique("test.node"))
    gid = to_global_id("PlatformAuditEntry", entry.id)
    assert (await gql(NODE, {"id": gid}, actor=platform))["data"] == {"node": {"id": gid, "action": entry.action}}


async def test_impersonation_is_in_both_logs_and_neither_leaks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    platform = await factory.platform_admin()
    headers = {"Authorization": f"Bearer {platform.token}", "X-Customer-Context": owner.tenant_gid}
    changed = await gql.op("UpdateSynagogue", {"input": {"candleLightingMinutes": 22}}, headers=headers)
    assert "errors" not in changed, changed

    tenant_rows = await owner_db.fetch(
        "SELECT actor_id, action, impersonated FROM audit_entry WHERE tenant_id = $1 ORDER BY id", owner.tenant.id
    )
    assert [tuple(row) for row in tenant_rows] == [
        (platform.user.id, "impersonate:UpdateSynagogue", True),
        (platform.user.id, "synagogue.update", True),
    ]
    tenant_log = await gql.op("AuditLog", actor=owner)
    assert [e["node"]["action"] for e in tenant_log["data"]["auditLog"]["edges"]] == [
        "synagogue.update",
        "impersonate:UpdateSynagogue",
    ]

    [entry] = await _newest(gql, platform, first=1)
    assert (entry["action"], entry["targetId"], entry["detail"]) == (
        "tenant.impersonate",
        owner.tenant_gid,
        {"operation": "UpdateSynagogue"},
    )
    assert entry["actor"] == _user(platform)
    platform_rows = await owner_db.fetch(
        "SELECT action FROM platform_audit_entry WHERE target_id = $1", owner.tenant_gid
    )
    assert [row["action"] for row in platform_rows] == ["tenant.impersonate"]  # tenant actions stay in the tenant

    refused = await gql(PLATFORM_LOG, actor=owner)
    assert error_codes(refused) == ["FORBIDDEN"] and refused["data"] == {"platformAuditLog": None}
    viewer = await factory.member(tenant=owner.tenant, role=Role.VIEWER)
    assert error_codes(await gql.op("AuditLog", actor=viewer)) == ["FORBIDDEN"]
    assert error_codes(await gql(PLATFORM_LOG, actor=viewer)) == ["FORBIDDEN"]


async def test_cross_tenant_an_owner_naming_another_synagogue_changes_it_not_and_writes_no_entry(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    other = await factory.member(role=Role.OWNER)
    change = {"input": {"candleLightingMinutes": 31}}
    nowhere = to_global_id("Synagogue", 2**31 - 1)
    async with unchanged(owner_db, owner, other):
        for header in ("X-Customer-Context", "X-Tenant-ID"):  # impersonation, or a tenant they are no member of
            named = await gql.op("UpdateSynagogue", change, actor=owner, headers={header: other.tenant_gid})
            missing = await gql.op("UpdateSynagogue", change, actor=owner, headers={header: nowhere})
            assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(missing), header
        assert await owner_db.fetchval("SELECT count(*) FROM audit_entry WHERE tenant_id = $1", other.tenant.id) == 0
        platform_rows = await owner_db.fetchval(
            "SELECT count(*) FROM platform_audit_entry WHERE target_id = $1", other.tenant_gid
        )
        assert platform_rows == 0
        minutes_sql = "SELECT candle_lighting_minutes FROM synagogue WHERE id = $1"
        minutes = await owner_db.fetchval(minutes_sql, other.tenant.id)
        assert minutes == 18


async def test_the_app_role_may_add_to_the_platform_log_but_not_rewrite_it(database: str) -> None:
    conn = await asyncpg.connect(APP_URL)
    try:
        pk = await conn.fetchval(
            "INSERT INTO platform_audit_entry (created_at, action, target_id, detail, request_id)"
            " VALUES (now(), $1, '', '{}', '') RETURNING id",
            unique("test.insert"),
        )
        assert await conn.fetchval("SELECT count(*) FROM platform_audit_entry WHERE id = $1", pk) == 1
        for statement in (
            "UPDATE platform_audit_entry SET action = 'rewritten' WHERE id = $1",
            "DELETE FROM platform_audit_entry WHERE id = $1",
        ):
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.execute(statement, pk)
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("TRUNCATE platform_audit_entry")
    finally:
        await conn.close()
