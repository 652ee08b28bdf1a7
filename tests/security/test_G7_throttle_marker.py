"""G7 at the door: a credential that ran out of budget is remembered in Redis as throttled, so its next
requests are refused without touching the database. The marker is named by an HMAC under the server's
secret, never by a plain hash of the `Authorization` header, which anyone reading Redis could test a
stolen or guessed credential against."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from config import Settings
from models.identity import Role
from services.infra import budget
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.graphql import error_codes
from tests.support.statements import count_statements


async def test_G7_throttled_marker_is_keyed_by_an_hmac_under_the_server_secret(
    app: Any, factory: Factory, settings: Settings
) -> None:
    flooder = await factory.member(role=Role.VIEWER)
    headers = flooder.headers()
    query = {"query": "{ members(first: 10) { edges { node { id role } } } }"}
    async with variant(app, cost_budget_capacity=60, cost_budget_restore_rate=1) as client:
        for _ in range(30):
            response = await client.post("/graphql", json=query, headers=headers)
            if response.status_code == 429:
                break
        assert response.status_code == 429 and error_codes(response.json()) == ["THROTTLED"]
    named = f"{headers['Authorization']}\n{headers['X-Tenant-ID']}|".encode()
    keyed = hmac.new(settings.jwt_key().encode(), named, hashlib.sha256).hexdigest()
    plain = hashlib.sha256(named).hexdigest()
    kv = app.state.kv
    assert await kv.exists(f"throttled:{keyed}")
    assert not await kv.exists(f"throttled:{plain}")


async def test_G7_a_throttled_credential_is_refused_at_the_door_from_process_memory_with_its_wait(
    app: Any, factory: Factory, settings: Settings
) -> None:
    """After the first refusal the door answers without Redis, for as long as the marker says, and tells the
    client how long that is; another credential is not touched."""
    flooder, bystander = await factory.member(role=Role.VIEWER), await factory.member(role=Role.VIEWER)
    query = {"query": "{ members(first: 10) { edges { node { id role } } } }"}
    async with variant(app, cost_budget_capacity=60, cost_budget_restore_rate=1) as client:
        for _ in range(30):
            response = await client.post("/graphql", json=query, headers=flooder.headers())
            if response.status_code == 429:
                break
        assert response.status_code == 429
        named = f"{flooder.headers()['Authorization']}\n{flooder.headers()['X-Tenant-ID']}|".encode()
        key = "throttled:" + hmac.new(settings.jwt_key().encode(), named, hashlib.sha256).hexdigest()
        stored = await app.state.kv.get(key)
        assert stored is not None and float(stored) > 0
        await app.state.kv.delete(key)  # the door no longer needs Redis for this credential
        with count_statements() as statements:
            again = await client.post("/graphql", json=query, headers=flooder.headers())
        assert statements == []  # refused at the door: no authentication, no budget script
        assert again.status_code == 429 and error_codes(again.json()) == ["THROTTLED"]
        assert 1 <= int(again.headers["Retry-After"]) <= 60
        other = await client.post("/graphql", json=query, headers=bystander.headers())
        assert other.status_code == 200 and "errors" not in other.json()


async def test_G7_door_refusals_are_held_so_a_flood_cannot_outpace_other_tenants(app: Any, factory: Factory) -> None:
    """A throttled credential's next request is answered only after THROTTLED_RESPONSE_DELAY_MS (never past its
    Retry-After); meanwhile another tenant's request is served."""
    flooder, bystander = await factory.member(role=Role.VIEWER), await factory.member(role=Role.VIEWER)
    query = {"query": "{ members(first: 10) { edges { node { id role } } } }"}
    limits = {"cost_budget_capacity": 60, "cost_budget_restore_rate": 1, "throttled_response_delay_ms": 10_000}
    async with variant(app, **limits) as client:
        for _ in range(30):
            response = await client.post("/graphql", json=query, headers=flooder.headers())
            if response.status_code == 429:
                break
        assert response.status_code == 429  # refused by the budget itself: answered at once
        held = asyncio.create_task(client.post("/graphql", json=query, headers=flooder.headers()))
        try:
            other = await client.post("/graphql", json=query, headers=bystander.headers())
            assert other.status_code == 200 and "errors" not in other.json()
            await asyncio.sleep(0)
            assert not held.done()  # still held at the door
        finally:
            held.cancel()
    async with variant(app, throttled_response_delay_ms=0) as client:
        answered = await client.post("/graphql", json=query, headers=flooder.headers())
        assert answered.status_code == 429 and error_codes(answered.json()) == ["THROTTLED"]


async def test_G7_a_marker_set_by_another_process_is_seen_within_a_second_read_at_most_once_a_second(
    app: Any, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unthrottled credential asking again and again costs one marker read a second, not one a request; a
    marker another process wrote is honoured at this door once that second is over."""
    caller = await factory.member(role=Role.VIEWER)
    query = {"query": "{ synagogue { id } }"}
    named = f"{caller.headers()['Authorization']}\n{caller.headers()['X-Tenant-ID']}|".encode()
    key = "throttled:" + hmac.new(settings.jwt_key().encode(), named, hashlib.sha256).hexdigest()
    kv = app.state.kv
    reads: list[str] = []
    read: Callable[[str], Awaitable[str | None]] = kv.get

    async def counted(asked: str) -> str | None:
        reads.extend([asked] if asked == key else [])
        return await read(asked)

    monkeypatch.setattr(kv, "get", counted)
    monkeypatch.setattr(budget, "UNMARKED_RECHECK_SECONDS", 600.0)  # "a second", however slow this machine
    async with variant(app) as client:
        for _ in range(5):
            assert (await client.post("/graphql", json=query, headers=caller.headers())).status_code == 200
        assert reads == [key]
        await kv.set(key, repr(time.time() + 30), 30)  # another process's refusal
        assert (await client.post("/graphql", json=query, headers=caller.headers())).status_code == 200
        monkeypatch.setitem(budget._unmarked, key, time.time() - 0.001)  # the recheck time is over
        refused = await client.post("/graphql", json=query, headers=caller.headers())
        assert refused.status_code == 429 and error_codes(refused.json()) == ["THROTTLED"]
        assert reads == [key, key] and 1 <= int(refused.headers["Retry-After"]) <= 30
    await kv.delete(key)
    budget._marks.pop(key, None)
