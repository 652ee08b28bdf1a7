"""SECURITY-MATRIX rows T5, Z3 and Z4 against a real uvicorn process of the app with a pool of two database
connections: two tenants interleaved over HTTP and websockets, a demotion or removal closing the member's
websockets, and an impersonated subscription audited.

Every test builds its own tenants.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from models.identity import Role
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.graphql import GQL, error_codes
from tests.support.live import Server, run_server
from tests.support.tenancy import member_of_both, membership_gid, seed_audit
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient

# --- T5: two tenants interleaved on a pool of two connections, over HTTP and websockets --------------------

T5_QUERY = """
query T5 {
  synagogue { id }
  members(first: 20) { edges { node { user { email } } } }
  auditLog(first: 20) { edges { node { id } } }
}
"""


@pytest.fixture
async def pooled_server(database: str) -> AsyncIterator[Server]:
    """A real uvicorn process of the app against the test database, with DB_POOL_MAX=2."""
    # T5 floods on purpose; websocket operations queue for tenant slots like HTTP requests: let them all wait
    queueing = {"tenant_max_queued": "500", "tenant_queue_timeout_seconds": "120"}
    async with run_server(db_pool_min="1", db_pool_max="2", **queueing) as server:
        yield server


def _check_t5(data: dict[str, Any], gid: str, emails: set[str], entries: set[str]) -> None:
    assert data["synagogue"]["id"] == gid
    assert {e["node"]["user"]["email"] for e in data["members"]["edges"]} == emails
    assert {e["node"]["id"] for e in data["auditLog"]["edges"]} == entries


async def test_T5_interleaved_requests_of_two_tenants_on_two_connections(
    pooled_server: Server, factory: Factory
) -> None:
    actor, a, b = await member_of_both(factory)
    expected: dict[int, tuple[str, set[str], set[str]]] = {}
    for tenant, extra in ((a, 1), (b, 2)):
        emails = {actor.user.email} | {
            (await factory.member(tenant=tenant, role=Role.VIEWER)).user.email for _ in range(extra)
        }
        entries = {to_global_id("AuditEntry", pk) for pk in await seed_audit(tenant, 2 + extra)}
        expected[tenant.id] = (to_global_id("Synagogue", tenant.id), emails, entries)

    limit = asyncio.Semaphore(40)
    connections = httpx.Limits(max_connections=40)
    async with httpx.AsyncClient(base_url=pooled_server.http_url, limits=connections, timeout=60) as client:

        async def one(i: int) -> None:
            tenant = (a, b)[i % 2]
            async with limit:
                response = await client.post("/graphql", json={"query": T5_QUERY}, headers=actor.headers(tenant))
            body = response.json()
            assert response.status_code == 200 and "errors" not in body, body
            _check_t5(body["data"], *expected[tenant.id])

        await asyncio.gather(*(one(i) for i in range(1000)))

    async def socket_for(tenant: Synagogue) -> tuple[WSClient, Synagogue]:
        socket = await WSClient.open(pooled_server.ws_url)
        payload = {"authorization": f"Bearer {actor.token}", "tenantId": to_global_id("Synagogue", tenant.id)}
        assert (await socket.init(payload))["type"] == "connection_ack"
        return socket, tenant

    sockets = [await socket_for(t) for t in (a, b, a, b)]
    try:
        for index, (socket, _) in enumerate(sockets):
            for n in range(50):
                await socket.subscribe(f"{index}-{n}", T5_QUERY)

        async def drain(socket: WSClient, tenant: Synagogue) -> int:
            results = 0
            while results < 50:
                message = await socket.receive()
                if message["type"] == "next":
                    assert "errors" not in message["payload"], message
                    _check_t5(message["payload"]["data"], *expected[tenant.id])
                    results += 1
                else:
                    assert message["type"] == "complete", message
            return results

        counts = await asyncio.gather(*(drain(socket, tenant) for socket, tenant in sockets))
        assert counts == [50, 50, 50, 50]
    finally:
        for socket, _ in sockets:
            await socket.close()


# --- Z3–Z4 over websockets: roles read at connection_init, an impersonated subscription -----------------


async def _ws_init(server: Server, token: str, tenant_gid: str) -> tuple[WSClient, dict[str, Any]]:
    """A socket initialised with the token in the synagogue, and the server's reply (or how it closed)."""
    socket = await WSClient.open(server.ws_url)
    try:
        reply = await socket.init({"authorization": f"Bearer {token}", "tenantId": tenant_gid})
    except ConnectionClosed as closed:
        reply = {"type": "closed", "code": closed.rcvd.code if closed.rcvd else None}
    return socket, reply


async def test_Z3_demotion_and_removal_close_the_members_websockets(
    pooled_server: Server, gql: GQL, factory: Factory
) -> None:
    """Roles of a websocket are read at connection_init, so a role change closes the member's sockets
    (across processes: the change is made in this process, the socket lives in the uvicorn one)."""
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.member(tenant=owner.tenant, role=Role.ADMIN)
    gid = await membership_gid(admin, owner.tenant)
    socket, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid)
    assert reply["type"] == "connection_ack"
    demoted = await gql.op("SetMemberRole", {"input": {"membershipId": gid, "role": "VIEWER"}}, actor=owner)
    assert demoted["data"]["setMemberRole"]["membership"]["role"] == "VIEWER"
    assert await socket.close_code(timeout=30) == 4403

    socket, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid)
    assert reply["type"] == "connection_ack"
    await socket.subscribe("1", "query { auditLog(first: 1) { edges { node { id } } } }")
    message = await socket.receive()
    assert message["type"] == "next" and error_codes(message["payload"]) == ["FORBIDDEN"]

    removed = await gql.op("RemoveMember", {"id": gid}, actor=owner)
    assert removed["data"]["removeMember"]["removedId"] == gid
    assert await socket.close_code(timeout=30) == 4403
    socket, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid)
    assert reply["type"] == "closed"


async def test_Z4_an_impersonated_subscription_is_audited(
    pooled_server: Server, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    admin = await factory.platform_admin()
    socket, reply = await _ws_init(pooled_server, admin.token, owner.tenant_gid)
    assert reply["type"] == "connection_ack"
    query = "subscription Watch { tenantEvents { kind } }"
    await socket.send({"id": "1", "type": "subscribe", "payload": {"query": query, "operationName": "Watch"}})
    sql = "SELECT actor_id, action, impersonated FROM audit_entry WHERE tenant_id = $1"
    rows: list[asyncpg.Record] = []
    tenant_id = owner.tenant.id

    async def audited() -> bool:
        rows[:] = await tenant_db.fetch(sql, tenant_id)
        return bool(rows)

    try:
        await wait_until(audited, "the impersonated subscription audited", timeout=30, every=0.1)
    finally:
        await socket.close()
    assert [dict(r) for r in rows] == [{"actor_id": admin.user.id, "action": "impersonate:Watch", "impersonated": True}]
