"""SECURITY-MATRIX rows T5, Z3 and Z4 against a real uvicorn process of the app with a pool of two database
connections: two tenants interleaved over HTTP and websockets, a demotion or removal closing the member's
websockets, and an impersonated subscription audited.

Every test builds its own tenants.
"""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from models.identity import Role
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.conftest import GQL, Factory, error_codes
from tests.security.tenancy_helpers import _audit, _member_of_both, _membership_gid

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


# --- Z3–Z4 over websockets: roles read at connection_init, an impersonated subscription -----------------


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
