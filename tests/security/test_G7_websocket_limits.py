"""G6/G7 over graphql-transport-ws: a query or mutation sent over a websocket takes a slot of its tenant's
concurrency cap (the same slots as HTTP requests) and pays into the same cost budget; a subscription is
measured against the cost ceiling and charged when it starts. The socket is driven in process through the
app's ASGI interface, so the test can hold the tenant's slots itself."""

from __future__ import annotations

from typing import Any

import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.apps import variant, view_of
from tests.support.documents import client_document
from tests.support.events import EVENTS
from tests.support.graphql import message_codes
from tests.support.waiting import wait_until
from tests.support.websocket import data, socket_of

SYNAGOGUE = client_document("Synagogue")
MEMBERS = "query Members { members(first: 10) { edges { node { id role } } } }"


async def test_G7_websocket_queries_take_their_tenants_slots_like_http_requests(app: Any, factory: Factory) -> None:
    a = await factory.member(role=Role.VIEWER)
    b = await factory.member(role=Role.VIEWER)
    settings = {"tenant_max_concurrency": 1, "tenant_max_queued": 1, "tenant_queue_timeout_seconds": 60}
    async with variant(app, **settings) as client:
        admission = view_of(client).admission
        key_a = str(a.tenant.id)
        await admission.acquire(key_a)  # tenant A's one slot is busy (an HTTP request, say)
        async with socket_of(client, a) as socket_a, socket_of(client, b) as socket_b:
            await socket_a.subscribe("queued", SYNAGOGUE)
            await wait_until(lambda: admission.waiting(key_a) == 1, "the socket's query queued")
            await socket_b.subscribe("other", SYNAGOGUE)
            assert data(await socket_b.next("other"))["synagogue"]["id"] == b.tenant_gid
            await socket_a.subscribe("refused", SYNAGOGUE)
            refused = await socket_a.next("refused")
            assert message_codes(refused) == ["THROTTLED"]
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
                if message_codes(message):
                    break
            assert attempt > 0 and message_codes(message) == ["THROTTLED"]
            assert message["payload"]["errors"][0]["extensions"]["retryAfterSeconds"] >= 1
        over_http = await client.post("/graphql", json={"query": MEMBERS}, headers=flooder.headers())
        assert over_http.status_code == 429  # the budget the socket drained is the HTTP one
        other = await client.post("/graphql", json={"query": MEMBERS}, headers=neighbour.headers())
        assert other.status_code == 200 and other.json()["data"]["members"]["edges"]


async def test_G6_a_subscription_over_the_cost_ceiling_is_refused_before_it_starts(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    async with variant(app, max_cost=1) as client, socket_of(client, admin) as socket:
        await socket.subscribe("events", EVENTS)
        assert message_codes(await socket.next("events")) == ["MAX_COST_EXCEEDED"]


async def test_G7_subscriptions_are_charged_to_the_budget_when_they_start(app: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    # EVENTS costs 5: the first subscription fills the bucket, which needs 5 seconds to drain again
    async with (
        variant(app, cost_budget_capacity=5, cost_budget_restore_rate=1) as client,
        socket_of(client, admin) as socket,
    ):
        await socket.subscribe("first", EVENTS)  # accepted: it sends nothing until an event
        await socket.subscribe("second", EVENTS)
        assert message_codes(await socket.next("second")) == ["THROTTLED"]


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
            if message_codes(await socket.next(f"q{attempt}")):
                break
        admission = view_of(client).admission
        key = str(flooder.tenant.id)
        await admission.acquire(key)  # the tenant's one slot is busy
        try:
            await socket.subscribe("over", MEMBERS)
            refused = await socket.next("over")
            assert message_codes(refused) == ["THROTTLED"]
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
        key = str(member.tenant.id)
        await admission.acquire(key)
        try:
            await socket.subscribe("refused", MEMBERS)
            message = await socket.next("refused")
            assert message_codes(message) == ["THROTTLED"]
            assert "cost budget" not in message["payload"]["errors"][0]["message"]
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
            if message_codes(await socket.next(f"q{attempt}")):
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
        with pytest.raises(TimeoutError):
            await flooding.next("held", timeout=0.1)  # still held


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
            assert refused["type"] == "error" and message_codes(refused) == ["THROTTLED"]


