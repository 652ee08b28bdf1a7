"""G7's budget on Redis charges ahead: a lease of points spent by the caller's next operations in this process
without a round trip each (`services.infra.leases`), with the levels read as if each operation had been charged
alone, refunds going back into the lease, what is left of a lease going back to the bucket, and a caller near
its limit refused where it would be without leases."""

from __future__ import annotations

from typing import Any

import pytest

from models.identity import Role
from services.infra import leases
from services.infra.budget import LEAKY_BUCKET, bucket_key
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.budgets import count_scripts

QUERY = {"query": "{ members(first: 50) { edges { node { id role } } } }"}  # requests 201, a page of one costs 5
CAPACITY = 100_000


async def test_G7_a_lease_answers_many_operations_with_one_round_trip_and_reads_as_charged_alone(
    app: Any, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)
    scripts = count_scripts(app, monkeypatch)
    async with variant(app, cost_budget_capacity=CAPACITY, cost_budget_restore_rate=1) as client:
        costs = []
        for _ in range(5):
            response = await client.post("/graphql", json=QUERY, headers=member.headers())
            assert response.status_code == 200 and "errors" not in response.json(), response.text
            costs.append(response.json()["extensions"]["cost"])
    assert len(scripts) == 1  # 201 × 5 fits in one lease
    actual = costs[0]["actualQueryCost"]
    for count, cost in enumerate(costs, start=1):
        available = cost["throttleStatus"]["currentlyAvailable"]
        assert CAPACITY - count * actual <= available <= CAPACITY - count * actual + 5, (count, cost)


async def test_G7_what_a_lease_did_not_spend_goes_back_to_the_bucket(
    app: Any, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)
    scripts = count_scripts(app, monkeypatch)
    monkeypatch.setattr(leases, "LEASE_SECONDS", 0.0)  # every lease has ended by the next operation
    async with variant(app, cost_budget_capacity=CAPACITY, cost_budget_restore_rate=1) as client:
        for _ in range(3):
            response = await client.post("/graphql", json=QUERY, headers=member.headers())
            assert response.status_code == 200 and "errors" not in response.json(), response.text
    actual = response.json()["extensions"]["cost"]["actualQueryCost"]
    assert len(scripts) == 3  # a lease each
    key = scripts[0][1][0]
    level = float(await app.state.kv.client.hget(key, "level"))
    # the third lease is still held in full; the first two came back but for what their operations used
    size = leases.Leases.size(201, CAPACITY)
    assert 2 * actual + size - 3 <= level <= 2 * actual + size, level


async def test_G7_near_its_limit_a_caller_is_charged_alone_and_refused_where_it_would_be_without_leases(
    app: Any, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)
    scripts = count_scripts(app, monkeypatch)
    key = bucket_key(member.tenant.id, f"user:{member.user.id}")
    # others left 204 points: room for one operation (201, of which 196 come back), not for a second one
    await app.state.kv.eval(LEAKY_BUCKET, [key], CAPACITY, 1, CAPACITY - 204, 0)
    async with variant(app, cost_budget_capacity=CAPACITY, cost_budget_restore_rate=1) as client:
        near = await client.post("/graphql", json=QUERY, headers=member.headers())
        over = await client.post("/graphql", json=QUERY, headers=member.headers())
    assert near.status_code == 200 and "errors" not in near.json(), near.text  # 201 fits, a lease would not
    assert over.status_code == 429, over.text
    assert over.json()["errors"][0]["extensions"]["code"] == "THROTTLED"
    assert [keys for _, keys in scripts[1:]] == [[key]] * 4  # a lease refused, then the cost alone, each time
