"""G7 within one process: a tenant at its concurrency cap waits or is refused (THROTTLED) while another
tenant's request proceeds. Functional, not timed (the latencies are in bench/noisy_neighbour.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models.identity import Role
from services.infra.admission import AdmissionRefused, TenantAdmission
from tests.support.actors import Factory
from tests.support.apps import variant, view_of
from tests.support.documents import client_document
from tests.support.graphql import error_codes
from tests.support.waiting import wait_until

SYNAGOGUE = {"query": client_document("Synagogue"), "operationName": "Synagogue"}


async def test_G7_a_tenant_at_its_cap_is_queued_then_refused_while_another_tenant_proceeds(
    app: Any, factory: Factory
) -> None:
    a = await factory.member(role=Role.VIEWER)
    b = await factory.member(role=Role.VIEWER)
    settings = {"tenant_max_concurrency": 1, "tenant_max_queued": 1, "tenant_queue_timeout_seconds": 60}
    async with variant(app, **settings) as client:
        admission = view_of(client).admission
        key_a = str(a.tenant.id)
        await admission.acquire(key_a)  # tenant A's one slot is busy
        queued = asyncio.create_task(client.post("/graphql", json=SYNAGOGUE, headers=a.headers()))
        await wait_until(lambda: admission.waiting(key_a) == 1, "one request queued")
        other = await client.post("/graphql", json=SYNAGOGUE, headers=b.headers())
        assert other.status_code == 200 and other.json()["data"]["synagogue"]["id"] == b.tenant_gid
        assert not queued.done()
        refused = await client.post("/graphql", json=SYNAGOGUE, headers=a.headers())
        assert refused.status_code == 429 and error_codes(refused.json()) == ["THROTTLED"]
        assert refused.headers["retry-after"] == "1"
        admission.release(key_a)
        answered = await queued
        assert answered.status_code == 200 and answered.json()["data"]["synagogue"]["id"] == a.tenant_gid
        assert admission.active(key_a) == 0 and admission.waiting(key_a) == 0


async def test_G7_default_cap_is_half_the_database_pool(app: Any) -> None:
    async with variant(app, db_pool_max=10, tenant_max_concurrency=0) as client:
        assert view_of(client).admission.limit == 5
    async with variant(app, db_pool_max=10, tenant_max_concurrency=3) as client:
        assert view_of(client).admission.limit == 3


async def test_G7_admission_hands_slots_over_in_order_and_gives_up_after_the_wait() -> None:
    admission = TenantAdmission(limit=1, max_queued=2, timeout_seconds=0.05)
    await admission.acquire("a")
    with pytest.raises(AdmissionRefused):
        await admission.acquire("a")  # waited its time, never got the slot
    assert admission.waiting("a") == 0 and admission.active("a") == 1
    await admission.acquire("b")  # another tenant is not affected
    patient = TenantAdmission(limit=1, max_queued=2, timeout_seconds=60)
    await patient.acquire("a")
    order: list[int] = []

    async def wait(n: int) -> None:
        await patient.acquire("a")
        order.append(n)

    first, second = asyncio.create_task(wait(1)), asyncio.create_task(wait(2))
    await wait_until(lambda: patient.waiting("a") == 2, "two requests queued")
    with pytest.raises(AdmissionRefused):
        await patient.acquire("a")  # the queue is full
    first.cancel()
    await asyncio.gather(first, return_exceptions=True)
    patient.release("a")
    await second
    assert order == [2] and patient.active("a") == 1 and patient.waiting("a") == 0
    patient.release("a")
    assert patient.tenants == {}
