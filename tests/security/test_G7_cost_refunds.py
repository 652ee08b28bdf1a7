"""G7's budget gives back what an operation did not use of its requested cost (as Shopify does), with the
caller's next charge rather than in a Redis round trip of its own (a bucket too small for a lease: each
operation is charged alone; leases have tests of their own in test_G7_budget_leases.py)."""

from __future__ import annotations

from typing import Any

import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.budgets import count_scripts


async def test_G7_unused_cost_is_given_back_with_the_next_charge_not_a_round_trip_of_its_own(
    app: Any, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await factory.member(role=Role.VIEWER)  # alone in its synagogue: a page of one, not fifty
    query = {"query": "{ members(first: 50) { edges { node { id role } } } }"}
    scripts = count_scripts(app, monkeypatch)
    capacity = 4_000  # a twentieth of it is less than the operation's cost: no lease, a charge per operation
    async with variant(app, cost_budget_capacity=capacity, cost_budget_restore_rate=1) as client:
        costs = []
        for _ in range(2):
            response = await client.post("/graphql", json=query, headers=member.headers())
            assert response.status_code == 200 and "errors" not in response.json(), response.text
            costs.append(response.json()["extensions"]["cost"])
    requested, actual = costs[0]["requestedQueryCost"], costs[0]["actualQueryCost"]
    assert actual < requested and len(scripts) == 2  # one charge each, no refund of its own
    # each response reads as if refunded; the second charge paid the first's refund: only `actual` is spent
    for spent, cost in zip((actual, 2 * actual), costs, strict=True):
        available = cost["throttleStatus"]["currentlyAvailable"]
        assert capacity - spent <= available <= capacity - spent + 5, (spent, cost)
