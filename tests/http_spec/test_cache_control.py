"""Caching, as Apollo Server does by default: every answer is `Cache-Control: no-store` except an anonymous
GET answered without errors, which a CDN may keep (`public, max-age=PUBLIC_GET_MAX_AGE_SECONDS`): a public
persisted query sent by hash over GET is then served from the edge. Answers vary with `Accept`."""

from __future__ import annotations

import json
from typing import Any

import httpx

from models.identity import Role
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.partners import document_id

JERUSALEM = {"latitude": 31.778, "longitude": 35.2354, "timezone": "Asia/Jerusalem"}


def _by_hash(name: str, variables: dict[str, Any] | None = None) -> dict[str, str]:
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": document_id(name)}}
    return {"extensions": json.dumps(extensions), "variables": json.dumps(variables or {})}


PUBLIC_ZMANIM = _by_hash("PublicZmanim", {"date": "2024-03-01", "location": JERUSALEM})


async def test_an_anonymous_persisted_query_over_get_may_be_kept_by_a_cdn(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params=PUBLIC_ZMANIM)
    assert response.status_code == 200 and response.json()["data"]["zmanim"]["sunrise"]
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "accept" in response.headers["vary"].lower()


async def test_everything_else_is_no_store(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    answers = {
        "credential": await http.get("/graphql", params=_by_hash("Synagogue"), headers=member.headers()),
        "tenant header": await http.get("/graphql", params=PUBLIC_ZMANIM, headers={"X-Tenant-ID": "x"}),
        "cookie": await http.get(
            "/graphql", params=PUBLIC_ZMANIM, headers={"Cookie": "a=b", "Apollo-Require-Preflight": "1"}
        ),
        "errors": await http.get("/graphql", params={"query": "{ noSuchField }"}),
        "post": await http.post("/graphql", json={"query": "{ __typename }"}),
        "unknown hash": await http.get(
            "/graphql", params={"extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}})}
        ),
        "405": await http.put("/graphql", json={"query": "{ __typename }"}),
    }
    for name, response in answers.items():
        assert response.headers.get("cache-control") == "no-store", (name, response.status_code, response.text)


async def test_public_get_max_age_zero_turns_caching_off(app: Any) -> None:
    async with variant(app, public_get_max_age_seconds=0) as client:
        response = await client.get("/graphql", params=PUBLIC_ZMANIM)
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
