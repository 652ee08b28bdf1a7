"""G6/G7 over graphql-transport-ws: a query or mutation sent over a websocket takes a slot of its tenant's
concurrency cap (the same slots as HTTP requests) and pays into the same cost budget; a subscription is
measured against the cost ceiling and charged when it starts. The socket is driven in process through the
app's ASGI interface, so the test can hold the tenant's slots itself."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from models.identity import Role
from tests.conftest import Actor, Factory
from tests.documents import client_document
from tests.partners.helpers import variant
from tests.security.test_tenant_admission import until, view_of

SYNAGOGUE = client_document("Synagogue")
MEMBERS = "query Members { members(first: 10) { edges { node { id role } } } }"
EVENTS = "subscription Events { tenantEvents { kind at deviceId detail } }"


class Socket:
    """A graphql-transport-ws client speaking ASGI to the app directly."""

    def __init__(self, app: Any) -> None:
        self.incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.outgoing: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.buffer: list[dict[str, Any]] = []
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "scheme": "ws",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"testserver"), (b"sec-websocket-protocol", b"graphql-transport-ws")],
            "subprotocols": ["graphql-transport-ws"],
            "client": ("127.0.0.1", 50003),
            "server": ("testserver", 80),
        }
        self.task = asyncio.create_task(app(scope, self.incoming.get, self.outgoing.put))

    async def open(self, payload: dict[str, Any]) -> None:
        await self.incoming.put({"type": "websocket.connect"})
        accepted = await asyncio.wait_for(self.outgoing.get(), 10)
        assert accepted["type"] == "websocket.accept", accepted
        await self.send({"type": "connection_init", "payload": payload})
        assert (await self.receive())["type"] == "connection_ack"

    async def send(self, message: dict[str, Any]) -> None:
        await self.incoming.put({"type": "websocket.receive", "text": json.dumps(message)})

    async def receive(self) -> dict[str, Any]:
        while True:
            event = await asyncio.wait_for(self.outgoing.get(), 10)
            assert event["type"] == "websocket.send", event
            message: dict[str, Any] = json.loads(event["text"])
            if message.get("type") != "ping":
                return message
            await self.send({"type": "pong"})

    async def subscribe(self, op_id: str, query: str) -> None:
        await self.send({"id": op_id, "type": "subscribe", "payload": {"query": query}})

    async def next(self, op_id: str) -> dict[str, Any]:
        """The first message of one operation; `complete` messages of finished ones are dropped."""
        for index, message in enumerate(self.buffer):
            if message.get("id") == op_id:
                return self.buffer.pop(index)
        while True:
            message = await self.receive()
            if message.get("id") == op_id:
                return message
            if message.get("type") != "complete":
                self.buffer.append(message)

    async def close(self) -> None:
        await self.incoming.put({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(self.task, 10)


@asynccontextmanager
async def socket_of(client: Any, actor: Actor) -> AsyncIterator[Socket]:
    headers = actor.headers()
    socket = Socket(client._transport.app)
    await socket.open({"authorization": headers["Authorization"], "tenantId": headers["X-Tenant-ID"]})
    try:
        yield socket
    finally:
        await socket.close()


def codes(message: dict[str, Any]) -> list[str]:
    payload = message["payload"]
    errors = payload if message["type"] == "error" else payload.get("errors") or []
    return [error["extensions"]["code"] for error in errors]


def data(message: dict[str, Any]) -> dict[str, Any]:
    assert message["type"] == "next" and not message["payload"].get("errors"), message
    result: dict[str, Any] = message["payload"]["data"]
    return result


async def test_G7_websocket_queries_take_their_tenants_slots_like_http_requests(app: Any, factory: Factory) -> None:
    a = await factory.member(role=Role.VIEWER)
    b = await factory.member(role=Role.VIEWER)
    settings = {"tenant_max_concurrency": 1, "tenant_max_queued": 1, "tenant_queue_timeout_seconds": 60}
    async with variant(app, **settings) as client:
        admission = view_of(client).admission
        key_a = str(a.tenant.id)  # type: ignore[union-attr]
        await admission.acquire(key_a)  # tenant A's one slot is busy (an HTTP request, say)
        async with socket_of(client, a) as socket_a, socket_of(client, b) as socket_b:
            await socket_a.subscribe("queued", SYNAGOGUE)
            await until(lambda: admission.waiting(key_a) == 1)
            await socket_b.subscribe("other", SYNAGOGUE)
            assert data(await socket_b.next("other"))["synagogue"]["id"] == b.tenant_gid
            await socket_a.subscribe("refused", SYNAGOGUE)
            refused = await socket_a.next("refused")
            assert codes(refused) == ["THROTTLED"]
            assert refused["payload"]["errors"][0]["extensions"]["retryAfterSeconds"] == 1
            refused_over_http = await client.post(
                "/graphql", json={"query": SYNAGOGUE, "operationName": "Synagogue"}, headers=a.headers()
            )
            assert refused_over_http.status_code == 429  # one queue for both transports
            admission.release(key_a)
            assert data(await socket_a.next("queued"))["synagogue"]["id"] == a.tenant_gid
        assert admission.active(key_a) == 0 and admission.waiting(key_a) == 0


async def test_G7_websocket_operations_pay_into_the_same_cost_budget(app: Any, factory: Factory) -> None:
    flooder = await factory.member(role=Role.VIEWER)
    neighbour = await factory.member(role=Role.VIEWER)
    async with variant(app, cost_budget_capacity=60, cost_budget_restore_rate=1) as client:
        async with socket_of(client, flooder) as socket:
            for attempt in range(30):
                await socket.subscribe(f"q{attempt}", MEMBERS)
                message = await socket.next(f"q{attempt}")
                if codes(message):
                    break
            assert attempt > 0 and codes(message) == ["THROTTLED"]
            assert message["payload"]["errors"][0]["extensions"]["retryAfterSeconds"] >= 1
        over_http = await client.post("/graphql", json={"query": MEMBERS}, headers=flooder.headers())
        assert over_http.status_code == 429  # the budget the socket drained is the HTTP one
        other = await client.post("/graphql", json={"query": MEMBERS}, headers=neighbour.headers())
        assert other.status_code == 200 and other.json()["data"]["members"]["edges"]


async def test_G6_a_subscription_over_the_cost_ceiling_is_refused_before_it_starts(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    async with variant(app, max_cost=1) as client, socket_of(client, admin) as socket:
        await socket.subscribe("events", EVENTS)
        assert codes(await socket.next("events")) == ["MAX_COST_EXCEEDED"]


async def test_G7_subscriptions_are_charged_to_the_budget_when_they_start(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    # EVENTS costs 5: the first subscription fills the bucket, which needs 5 seconds to drain again
    async with (
        variant(app, cost_budget_capacity=5, cost_budget_restore_rate=1) as client,
        socket_of(client, admin) as socket,
    ):
        await socket.subscribe("first", EVENTS)  # accepted: it sends nothing until an event
        await socket.subscribe("second", EVENTS)
        assert codes(await socket.next("second")) == ["THROTTLED"]


async def test_G7_a_websocket_caller_out_of_budget_never_takes_or_queues_for_a_slot(
    app: Any, factory: Factory
) -> None:
    flooder = await factory.member(role=Role.VIEWER)
    settings = {
        "cost_budget_capacity": 60,
        "cost_budget_restore_rate": 1,
        "tenant_max_concurrency": 1,
        "tenant_max_queued": 5,
        "tenant_queue_timeout_seconds": 60,
    }
    async with variant(app, **settings) as client, socket_of(client, flooder) as socket:
        for attempt in range(30):
            await socket.subscribe(f"q{attempt}", MEMBERS)
            if codes(await socket.next(f"q{attempt}")):
                break
        admission = view_of(client).admission
        key = str(flooder.tenant.id)  # type: ignore[union-attr]
        await admission.acquire(key)  # the tenant's one slot is busy
        try:
            await socket.subscribe("over", MEMBERS)
            refused = await socket.next("over")
            assert codes(refused) == ["THROTTLED"]
            assert refused["payload"]["errors"][0]["message"] == "cost budget exhausted; retry later"
            assert admission.waiting(key) == 0 and admission.active(key) == 1
        finally:
            admission.release(key)


async def test_G7_a_websocket_operation_refused_a_slot_is_refunded_its_cost(app: Any, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    settings = {"cost_budget_capacity": 1000, "cost_budget_restore_rate": 1, "tenant_max_concurrency": 1}
    settings |= {"tenant_max_queued": 0}

    async def available(client: Any) -> float:
        response = await client.post("/graphql", json={"query": "{ me { id } }"}, headers=member.headers())
        return float(response.json()["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"])

    async with variant(app, **settings) as client, socket_of(client, member) as socket:
        before = await available(client)
        admission = view_of(client).admission
        key = str(member.tenant.id)  # type: ignore[union-attr]
        await admission.acquire(key)
        try:
            await socket.subscribe("refused", MEMBERS)
            message = await socket.next("refused")
            assert codes(message) == ["THROTTLED"] and "cost budget" not in message["payload"]["errors"][0]["message"]
        finally:
            admission.release(key)
        after = await available(client)
    # Members(first: 10) costs far more than the one-point `me` reads and the second of restore between them
    assert after >= before - 2, (before, after)


async def test_G7_a_websocket_callers_refusals_are_held_while_others_are_served(app: Any, factory: Factory) -> None:
    """A socket has no door: each refusal of a caller out of budget is held THROTTLED_RESPONSE_DELAY_MS, so a
    flood over one socket soon waits on its own held operations; another tenant is served meanwhile."""
    flooder, bystander = await factory.member(role=Role.VIEWER), await factory.member(role=Role.VIEWER)
    budget = {"cost_budget_capacity": 60, "cost_budget_restore_rate": 1}
    async with variant(app, throttled_response_delay_ms=0, **budget) as client, socket_of(client, flooder) as socket:
        for attempt in range(30):
            await socket.subscribe(f"q{attempt}", MEMBERS)
            if codes(await socket.next(f"q{attempt}")):
                break
        assert attempt > 0
    async with (
        variant(app, throttled_response_delay_ms=10_000, **budget) as client,
        socket_of(client, flooder) as flooding,
        socket_of(client, bystander) as other,
    ):
        await flooding.subscribe("held", MEMBERS)
        await other.subscribe("served", SYNAGOGUE)
        assert data(await other.next("served"))["synagogue"]["id"] == bystander.tenant_gid
        await asyncio.sleep(0)
        pending = [m for m in flooding.buffer if m.get("id") == "held"]
        while not flooding.outgoing.empty():
            event = flooding.outgoing.get_nowait()
            pending += [m for m in [json.loads(event.get("text") or "{}")] if m.get("id") == "held"]
        assert pending == []  # still held


async def test_G7_a_connection_past_its_operation_limit_is_refused_with_a_code(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    async with variant(app) as client:
        view = view_of(client)
        view.max_subscriptions_per_connection = 2  # the production limit, made small enough to reach in a test
        async with socket_of(client, admin) as socket:
            for n in range(2):
                await socket.subscribe(f"events-{n}", EVENTS)  # each stays open, sending nothing until an event
            await socket.subscribe("one-too-many", EVENTS)
            refused = await socket.next("one-too-many")
            assert refused["type"] == "error" and codes(refused) == ["THROTTLED"]


