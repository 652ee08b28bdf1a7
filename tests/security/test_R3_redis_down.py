"""Security matrix row R3: with Redis down, security checks and cost budgets fail closed while caches degrade."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from models.identity import Role
from services.partners.documents import sha256_hex
from tests.support.actors import Factory, unique
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import GQL, error_codes
from tests.support.partners import create_key, document_id, persisted
from tests.support.servers import redis_down


@pytest.fixture(name="redis_down")
async def redis_down_for_the_test() -> AsyncIterator[None]:
    async with redis_down():
        yield


async def test_R3_token_checks_fail_closed_and_caches_degrade_while_redis_is_down(
    http: httpx.AsyncClient, gql: GQL, factory: Factory, redis_down: None
) -> None:
    member = await factory.member(role=Role.VIEWER)
    checked = await http.post("/graphql", json={"query": "{ me { id } }"}, headers=member.headers())
    assert checked.status_code == 503 and error_codes(checked.json()) == ["UNAVAILABLE"]
    assert checked.json()["data"] is None and checked.headers["retry-after"]
    anonymous = await http.post("/graphql", json={"query": "{ __typename }"})
    assert anonymous.status_code == 200 and anonymous.json()["data"] == {"__typename": "Query"}
    query = f"{{ r3_{unique('r').replace('-', '_')}: __typename }}"
    registered = await http.post("/graphql", json=persisted(sha256_hex(query), query))
    assert "errors" not in registered.json()  # the APQ cache is skipped, the query still runs
    miss = await http.post("/graphql", json=persisted(sha256_hex(query)))
    assert error_codes(miss.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_R3_service_returns_after_redis_comes_back(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    async with redis_down():
        down = await http.post("/graphql", json={"query": "{ me { id } }"}, headers=member.headers())
        assert down.status_code == 503
    for _ in range(20):
        back = await http.post("/graphql", json={"query": "{ me { id } }"}, headers=member.headers())
        if back.status_code == 200:
            break
    assert back.status_code == 200 and back.json()["data"]["me"]["id"]


async def test_R3_cost_budgets_fail_closed_for_partners_and_anonymous_callers_while_redis_is_down(
    http: httpx.AsyncClient, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, admin, [document_id("Synagogue")])
    partner = {"Authorization": f"ApiKey {key['secret']}"}
    public = {
        "query": client_document("PublicZmanim"),
        "variables": {
            "date": "2026-03-20",
            "location": {"latitude": 31.78, "longitude": 35.22, "timezone": "Asia/Jerusalem"},
        },
    }
    tv = await make_tv(admin.tenant)
    assert (await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)).status_code == 200
    async with redis_down():
        refused = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)
        assert refused.status_code == 503 and error_codes(refused.json()) == ["UNAVAILABLE"]
        assert refused.headers["retry-after"] and "data" not in refused.json()
        anonymous = await http.post("/graphql", json=public)
        assert anonymous.status_code == 503 and error_codes(anonymous.json()) == ["UNAVAILABLE"]
        forged = await http.post("/graphql", json=public, headers={"Authorization": "Bearer forged.token.value"})
        assert forged.status_code == 503 and error_codes(forged.json()) == ["UNAVAILABLE"]
        screen = await http.post("/graphql", json={"query": client_document("Screen")}, headers=tv.headers)
        assert screen.status_code == 200 and screen.json()["data"]["screen"]["synagogueName"]
    for _ in range(20):
        back = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)
        if back.status_code == 200:
            break
    assert back.json()["data"]["synagogue"]["name"] == admin.tenant.name
