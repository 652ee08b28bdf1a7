"""SECURITY-MATRIX rows T1–T6 and Z1–Z4 for the synagogue, membership and audit-log surface.

Every test builds its own tenants. T5 runs a real uvicorn process with a pool of two connections,
T6 talks to PostgreSQL as the application's role.
"""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
import pytest

from models.base import TenantModel, tenant_models, tenant_scope
from models.identity import Membership, Role
from models.platform import AuditEntry
from models.synagogue import Synagogue
from schema.relay import to_global_id
from tests.conftest import APP_URL, GQL, Actor, Factory, error_codes, unique

NODE = "query Node($id: ID!) { node(id: $id) { id __typename } }"
Z2_QUERY = """
query Dashboard {
  synagogue { id name }
  members(first: 10) { totalCount }
  auditLog(first: 5) { edges { node { id } } }
}
"""


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


def _body(result: dict[str, Any]) -> dict[str, Any]:
    """The response without `extensions` (cost accounting differs from call to call)."""
    return {key: value for key, value in result.items() if key != "extensions"}


def _denials(caplog: pytest.LogCaptureFixture, type_name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "shulgraph.access" and getattr(r, "type", None) == type_name]


# --- T1: an id of another tenant is exactly a missing id ---------------------------------------------------


async def test_T1_node_of_a_foreign_tenant_is_null_like_a_missing_id(
    gql: GQL, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    assert b.tenant is not None
    foreign = {
        "Synagogue": b.tenant.id,
        "Membership": (await Membership.get(user_id=b.user.id)).id,
        "AuditEntry": (await _audit(b.tenant))[0],
    }
    for type_name, pk in foreign.items():
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="shulgraph.access"):
            leaked = await gql(NODE, {"id": to_global_id(type_name, pk)}, actor=a)
            missing = await gql(NODE, {"id": to_global_id(type_name, 2**31 - 1)}, actor=a)
        assert _body(leaked) == _body(missing) == {"data": {"node": None}}, type_name
        assert _denials(caplog, type_name), f"denial of {type_name} not logged"
    own = await gql(NODE, {"id": a.tenant_gid}, actor=a)
    assert own["data"]["node"] == {"id": a.tenant_gid, "__typename": "Synagogue"}


async def test_T1_membership_ids_of_a_foreign_tenant_are_not_found_like_missing_ones(
    gql: GQL, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    assert b.tenant is not None
    foreign = await _membership_gid(b.user.id, b.tenant)
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
        assert _body(leaked) == _body(absent), operation
        assert _denials(caplog, "Membership")
    assert (await Membership.get(user_id=b.user.id)).role == Role.OWNER


async def test_T1_tenant_header_of_a_foreign_tenant_looks_like_a_missing_one(gql: GQL, factory: Factory) -> None:
    a = await factory.member()
    b = await factory.member()
    foreign = await gql.op("Synagogue", actor=a, headers={"X-Tenant-ID": b.tenant_gid or ""})
    missing = await gql.op("Synagogue", actor=a, headers={"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)})
    assert error_codes(foreign) == ["FORBIDDEN"]
    assert _body(foreign) == _body(missing)


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
    actor, a, b = await _member_of_both(factory)
    a_members = {actor.user.email} | {(await factory.member(tenant=a, role=Role.VIEWER)).user.email for _ in range(2)}
    for _ in range(3):
        await factory.member(tenant=b, role=Role.VIEWER)
    a_entries = {to_global_id("AuditEntry", pk) for pk in await _audit(a, 3)}
    b_entries = {to_global_id("AuditEntry", pk) for pk in await _audit(b, 4)}

    members = await _all_pages(gql, actor, a, "Members", "members")
    assert {m["user"]["email"] for m in members} == a_members
    entries = await _all_pages(gql, actor, a, "AuditLog", "auditLog")
    assert {e["id"] for e in entries} == a_entries
    assert {e["id"] for e in await _all_pages(gql, actor, b, "AuditLog", "auditLog")} == b_entries

    counted = await gql.op("Members", {"first": 1}, actor=actor, tenant=a)
    assert counted["data"]["members"]["totalCount"] == len(a_members)


async def test_T2_a_cursor_from_one_tenant_pages_only_the_other_tenants_rows(gql: GQL, factory: Factory) -> None:
    actor, a, b = await _member_of_both(factory)
    a_entries = {to_global_id("AuditEntry", pk) for pk in await _audit(a, 2)}
    await _audit(b, 6)
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
    actor, a, b = await _member_of_both(factory)
    b_entry = (await _audit(b))[0]
    ids = [
        to_global_id("Synagogue", b.id),
        await _membership_gid(actor.user.id, b),
        to_global_id("AuditEntry", b_entry),
    ]
    for gid in ids:
        assert _body(await gql(NODE, {"id": gid}, actor=actor, tenant=a)) == {"data": {"node": None}}
        seen = await gql(NODE, {"id": gid}, actor=actor, tenant=b)
        assert seen["data"]["node"]["id"] == gid


# --- T3: mutations naming another tenant's row -------------------------------------------------------------


async def test_T3_member_mutations_on_a_foreign_membership_are_not_found_and_change_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    actor, a, b = await _member_of_both(factory, Role.OWNER)
    victim = await factory.member(tenant=b, role=Role.EDITOR)
    gid = await _membership_gid(victim.user.id, b)
    before = await owner_db.fetch("SELECT id, role FROM membership WHERE synagogue_id = $1 ORDER BY id", b.id)
    role = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=actor, tenant=a)
    removed = await gql.op("RemoveMember", {"id": gid}, actor=actor, tenant=a)
    assert error_codes(role) == error_codes(removed) == ["NOT_FOUND"]
    after = await owner_db.fetch("SELECT id, role FROM membership WHERE synagogue_id = $1 ORDER BY id", b.id)
    assert before == after
    assert await owner_db.fetchval("SELECT count(*) FROM audit_entry WHERE tenant_id = ANY($1)", [a.id, b.id]) == 0


# --- T4: no tenant never means every tenant ----------------------------------------------------------------


async def test_T4_a_member_of_two_tenants_without_a_header_reads_no_tenant(gql: GQL, factory: Factory) -> None:
    actor, _, _ = await _member_of_both(factory)
    result = await gql.op("AuditLog", headers={"Authorization": f"Bearer {actor.token}"})
    assert error_codes(result) == ["TENANT_REQUIRED"]
    assert result["data"]["auditLog"] is None


# --- T6: PostgreSQL's row-level security as the application's role ----------------------------------------


async def test_T6_raw_sql_as_the_app_role_sees_no_foreign_rows(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    mine, theirs = await _audit(a), await _audit(b)
    conn = await asyncpg.connect(APP_URL)
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


# --- Z1–Z4: roles and impersonation ------------------------------------------------------------------------


async def test_Z1_viewer_and_editor_calling_admin_mutations_are_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
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
    assert await owner_db.fetchval("SELECT count(*) FROM audit_entry WHERE tenant_id = $1", owner.tenant.id) == 0


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
    assert owner.tenant is not None
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    assert "errors" not in await gql.op("AuditLog", actor=admin)
    gid = await _membership_gid(admin.user.id, owner.tenant)
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
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    admin = await factory.platform_admin()
    headers = {"Authorization": f"Bearer {admin.token}", "X-Customer-Context": owner.tenant_gid or ""}
    seen = await gql.op("Members", headers=headers)
    assert "errors" not in seen, seen
    assert [e["node"]["user"]["email"] for e in seen["data"]["members"]["edges"]] == [owner.user.email]
    changed = await gql.op("UpdateSynagogue", {"input": {"candleLightingMinutes": 25}}, headers=headers)
    assert changed["data"]["updateSynagogue"]["synagogue"]["candleLightingMinutes"] == 25
    rows = await owner_db.fetch(
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
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    admin = await factory.platform_admin()
    result = await gql.op("Synagogue", actor=admin, tenant=owner.tenant)
    assert result["data"]["synagogue"]["id"] == owner.tenant_gid
    actions = await owner_db.fetch(
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
        "Synagogue", headers={"Authorization": "Bearer not-a-token", "X-Tenant-ID": owner.tenant_gid or ""}
    )
    assert error_codes(result) == ["UNAUTHENTICATED"]


# --- T5: two tenants interleaved on a pool of two connections, over HTTP and websockets --------------------

T5_QUERY = """
query T5 {
  synagogue { id }
  members(first: 20) { edges { node { user { email } } } }
  auditLog(first: 20) { edges { node { id } } }
}
"""


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
async def pooled_server(database: str) -> Any:
    """A real uvicorn process of the app against the test database, with DB_POOL_MAX=2."""
    import asyncio
    import os
    import sys

    import httpx

    from config import ROOT

    port = _free_port()
    env = {**os.environ, "DB_POOL_MIN": "1", "DB_POOL_MAX": "2", "LOG_LEVEL": "WARNING"}
    # T5 floods on purpose; websocket operations queue for tenant slots like HTTP requests: let them all wait
    env |= {"TENANT_MAX_QUEUED": "500", "TENANT_QUEUE_TIMEOUT_SECONDS": "120"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "uvicorn",
        "main:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--ws",
        "websockets-sansio",
        "--no-access-log",
        cwd=str(ROOT),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base) as client:
            for _ in range(300):
                if process.returncode is not None:
                    break
                try:
                    if (await client.get("/health/live")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError("uvicorn did not start")
        if process.returncode is not None:
            assert process.stderr is not None
            raise RuntimeError((await process.stderr.read()).decode()[-3000:])
        yield base
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()


def _check_t5(data: dict[str, Any], gid: str, emails: set[str], entries: set[str]) -> None:
    assert data["synagogue"]["id"] == gid
    assert {e["node"]["user"]["email"] for e in data["members"]["edges"]} == emails
    assert {e["node"]["id"] for e in data["auditLog"]["edges"]} == entries


async def test_T5_interleaved_requests_of_two_tenants_on_two_connections(pooled_server: str, factory: Factory) -> None:
    import asyncio
    import json

    import httpx
    import websockets

    actor, a, b = await _member_of_both(factory)
    expected: dict[int, tuple[str, set[str], set[str]]] = {}
    for tenant, extra in ((a, 1), (b, 2)):
        emails = {actor.user.email} | {
            (await factory.member(tenant=tenant, role=Role.VIEWER)).user.email for _ in range(extra)
        }
        entries = {to_global_id("AuditEntry", pk) for pk in await _audit(tenant, 2 + extra)}
        expected[tenant.id] = (to_global_id("Synagogue", tenant.id), emails, entries)

    limit = asyncio.Semaphore(40)
    async with httpx.AsyncClient(base_url=pooled_server, limits=httpx.Limits(max_connections=40), timeout=60) as client:

        async def one(i: int) -> None:
            tenant = (a, b)[i % 2]
            async with limit:
                response = await client.post("/graphql", json={"query": T5_QUERY}, headers=actor.headers(tenant))
            body = response.json()
            assert response.status_code == 200 and "errors" not in body, body
            _check_t5(body["data"], *expected[tenant.id])

        await asyncio.gather(*(one(i) for i in range(1000)))

    ws_url = pooled_server.replace("http://", "ws://") + "/graphql"

    async def socket_for(tenant: Synagogue) -> tuple[Any, Synagogue]:
        ws = await websockets.connect(ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")])
        payload = {"authorization": f"Bearer {actor.token}", "tenantId": to_global_id("Synagogue", tenant.id)}
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        return ws, tenant

    sockets = [await socket_for(t) for t in (a, b, a, b)]
    try:
        for index, (ws, _) in enumerate(sockets):
            for n in range(50):
                await ws.send(json.dumps({"id": f"{index}-{n}", "type": "subscribe", "payload": {"query": T5_QUERY}}))

        async def drain(ws: Any, tenant: Synagogue) -> int:
            results = 0
            while results < 50:
                message = json.loads(await ws.recv())
                if message["type"] == "next":
                    assert "errors" not in message["payload"], message
                    _check_t5(message["payload"]["data"], *expected[tenant.id])
                    results += 1
                else:
                    assert message["type"] == "complete", message
            return results

        counts = await asyncio.gather(*(drain(ws, tenant) for ws, tenant in sockets))
        assert counts == [50, 50, 50, 50]
    finally:
        for ws, _ in sockets:
            await ws.close()


async def _ws_init(base: str, token: str, tenant_gid: str) -> tuple[Any, dict[str, Any]]:
    import json

    import websockets

    ws = await websockets.connect(
        base.replace("http://", "ws://") + "/graphql", subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
    )
    payload = {"authorization": f"Bearer {token}", "tenantId": tenant_gid}
    await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
    try:
        reply: dict[str, Any] = json.loads(await ws.recv())
    except websockets.ConnectionClosed as closed:
        reply = {"type": "closed", "code": closed.rcvd.code if closed.rcvd else None}
    return ws, reply


async def _ws_closed_code(ws: Any) -> int | None:
    """Wait (bounded) until the server closes the socket; its close code."""
    import asyncio

    import websockets

    try:
        async with asyncio.timeout(30):
            while True:
                await ws.recv()
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None


async def test_Z3_demotion_and_removal_close_the_members_websockets(
    pooled_server: str, gql: GQL, factory: Factory
) -> None:
    """Roles of a websocket are read at connection_init, so a role change closes the member's sockets
    (across processes: the change is made in this process, the socket lives in the uvicorn one)."""
    import json

    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    gid = await _membership_gid(admin.user.id, owner.tenant)
    ws, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid or "")
    assert reply["type"] == "connection_ack"
    demoted = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=owner)
    assert demoted["data"]["setMemberRole"]["membership"]["role"] == "VIEWER"
    assert await _ws_closed_code(ws) == 4403

    ws, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid or "")
    assert reply["type"] == "connection_ack"
    query = "query { auditLog(first: 1) { edges { node { id } } } }"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    message = json.loads(await ws.recv())
    assert message["type"] == "next" and error_codes(message["payload"]) == ["FORBIDDEN"]

    removed = await gql.op("RemoveMember", {"id": gid}, actor=owner)
    assert removed["data"]["removeMember"]["removedId"] == gid
    assert await _ws_closed_code(ws) == 4403
    ws, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid or "")
    assert reply["type"] == "closed"


async def test_Z4_an_impersonated_subscription_is_audited(
    pooled_server: str, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    import asyncio
    import json

    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    admin = await factory.platform_admin()
    ws, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid or "")
    assert reply["type"] == "connection_ack"
    query = "subscription Watch { tenantEvents { kind } }"
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "operationName": "Watch"}}))
    sql = "SELECT actor_id, action, impersonated FROM audit_entry WHERE tenant_id = $1"
    try:
        async with asyncio.timeout(30):
            while not (rows := await owner_db.fetch(sql, owner.tenant.id)):
                await asyncio.sleep(0.1)
    finally:
        await ws.close()
    assert [dict(r) for r in rows] == [{"actor_id": admin.user.id, "action": "impersonate:Watch", "impersonated": True}]
