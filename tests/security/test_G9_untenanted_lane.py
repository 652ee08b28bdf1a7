"""G9 (security matrix): a flood of untenanted requests (sign-ins from rotating addresses) | other callers'
sign-ins and every synagogue's requests keep being served.

Work that acts in no synagogue has a lane of its own in each process (services.infra.lanes), served round-robin
between callers (a user, an IPv4 address, an IPv6 /64), with a bound per caller and for the lane; when the lane
is full the caller with most waiting gives way. Functional, not timed: the lane is one slot wide here, so the
order in which requests are answered shows who was served first (the latencies are in bench/noisy_neighbour.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from config import Settings, get_settings
from main import create_app
from models.identity import Role
from schema.view import GraphQLView
from services.infra.admission import TenantAdmission, lane_key
from services.infra.lanes import FairLane, LaneRefused, client_group
from tests.support.actors import DEFAULT_PASSWORD, Factory
from tests.support.documents import client_document
from tests.support.graphql import error_codes
from tests.support.waiting import wait_until

FLOOD, OTHER, THIRD = "203.0.113.7", "198.51.100.9", "192.0.2.44"
LOGIN = client_document("Login")
SYNAGOGUE = {"query": client_document("Synagogue"), "operationName": "Synagogue"}


def login(email: str, password: str) -> dict[str, Any]:
    return {"query": LOGIN, "operationName": "Login", "variables": {"input": {"email": email, "password": password}}}


@asynccontextmanager
async def lane_app(app: Any, **overrides: Any) -> AsyncIterator[tuple[Any, dict[str, httpx.AsyncClient]]]:
    """The real app built with other settings, and a client from each of three addresses."""
    settings = Settings(**{**get_settings().model_dump(), **overrides})
    other = create_app(settings)
    other.state.kv, other.state.broadcast = app.state.kv, app.state.broadcast
    other.state.settings, other.state.draining = settings, False
    clients: dict[str, httpx.AsyncClient] = {}
    try:
        for port, address in enumerate((FLOOD, OTHER, THIRD), start=51000):
            transport = httpx.ASGITransport(app=other, client=(address, port))
            clients[address] = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        yield other, clients
    finally:
        for client in clients.values():
            await client.aclose()


def admission_of(app: Any) -> TenantAdmission:
    for route in app.routes:
        endpoint = getattr(route, "endpoint", None)
        if getattr(route, "path", None) == "/graphql" and isinstance(endpoint, GraphQLView):
            return endpoint.admission
    raise AssertionError("no GraphQL view")


async def test_G9_a_sign_in_from_elsewhere_is_served_in_turn_not_behind_the_flood(app: Any, factory: Factory) -> None:
    user = await factory.user()
    settings = {"untenanted_max_concurrency": 1, "untenanted_max_queued": 50, "untenanted_max_queued_per_caller": 4}
    async with lane_app(app, **settings) as (other, clients):
        lane = admission_of(other).untenanted
        held = lane_key(None, None, FLOOD)
        await admission_of(other).acquire(held)  # the flood already has the lane's one slot
        answered: list[str] = []

        async def send(address: str, body: dict[str, Any], name: str) -> httpx.Response:
            response = await clients[address].post("/graphql", json=body)
            answered.append(name)
            return response

        flood = [
            asyncio.create_task(send(FLOOD, login(f"nobody{i}@example.org", "wrong-password"), f"flood{i}"))
            for i in range(4)
        ]
        await wait_until(lambda: lane.waiting(client_group(FLOOD)) == 4)
        refused = await clients[FLOOD].post("/graphql", json=login("nobody@example.org", "wrong-password"))
        assert refused.status_code == 429 and error_codes(refused.json()) == ["THROTTLED"]  # its own bound
        mine = asyncio.create_task(send(OTHER, login(user.email, DEFAULT_PASSWORD), "mine"))
        await wait_until(lambda: lane.waiting(client_group(OTHER)) == 1)
        admission_of(other).release(held)
        signed_in = await mine
        await asyncio.gather(*flood)
    assert signed_in.status_code == 200 and signed_in.json()["data"]["login"]["accessToken"]
    assert answered.index("mine") <= 1, answered  # the flood's first waiter, then the next caller in turn


async def test_G9_when_the_lane_is_full_the_caller_with_most_waiting_gives_way(app: Any, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    settings = {"untenanted_max_concurrency": 1, "untenanted_max_queued": 3, "untenanted_max_queued_per_caller": 3}
    async with lane_app(app, **settings) as (other, clients):
        admission = admission_of(other)
        held = lane_key(None, None, FLOOD)
        await admission.acquire(held)
        flood = [
            asyncio.create_task(clients[FLOOD].post("/graphql", json=login(f"x{i}@example.org", "wrong-password")))
            for i in range(3)
        ]
        await wait_until(lambda: admission.untenanted.waiting() == 3)
        mine = asyncio.create_task(clients[OTHER].post("/graphql", json=login("me@example.org", "wrong-password")))
        evicted = await flood[2]  # the newest of the caller with most waiting made room
        assert evicted.status_code == 429 and error_codes(evicted.json()) == ["THROTTLED"]
        # every synagogue's own lane is untouched by the full untenanted one
        tenant = await clients[THIRD].post("/graphql", json=SYNAGOGUE, headers=member.headers())
        assert tenant.status_code == 200 and tenant.json()["data"]["synagogue"]["id"] == member.tenant_gid
        admission.release(held)
        assert (await mine).status_code == 200
        assert [(await task).status_code for task in flood[:2]] == [200, 200]
        assert admission.untenanted.active == 0 and admission.untenanted.waiting() == 0


async def test_G9_the_lane_serves_callers_round_robin_and_bounds_each() -> None:
    lane = FairLane(limit=1, max_queued=10, max_queued_per_caller=3, timeout_seconds=60)
    await lane.acquire("a")
    order: list[str] = []

    async def wait(caller: str, n: int) -> None:
        await lane.acquire(caller)
        order.append(f"{caller}{n}")
        lane.release()

    tasks = [asyncio.create_task(wait("a", n)) for n in range(3)]
    await wait_until(lambda: lane.waiting("a") == 3)
    with pytest.raises(LaneRefused):
        await lane.acquire("a")
    tasks += [asyncio.create_task(wait("b", n)) for n in range(2)]
    await wait_until(lambda: lane.waiting("b") == 2)
    lane.release()
    await asyncio.gather(*tasks)
    assert order == ["a0", "b0", "a1", "b1", "a2"]
    assert lane.active == 0 and lane.queues == {} and not lane.turns


def test_G9_callers_are_users_or_addresses_with_ipv6_by_its_64() -> None:
    assert lane_key(7, 3, "10.0.0.1") == "7"
    assert lane_key(None, 3, "10.0.0.1") == "~user:3"
    assert lane_key(None, None, "10.0.0.1") == "~10.0.0.1"
    assert client_group("2001:db8:1:2:aaaa::1") == client_group("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert client_group("2001:db8:1:3::1") != client_group("2001:db8:1:2::1")
    assert client_group("::ffff:10.1.2.3") == "10.1.2.3"
    assert client_group("not an address") == "not an address"
