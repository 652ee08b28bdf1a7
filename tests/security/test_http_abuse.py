"""The hardened endpoint: CSRF prevention (C1), GET rules (C2), and GraphQL over HTTP content negotiation and
status codes. Redis down (R3) is in test_R3_redis_down.py, idempotency keys (R5) in test_R5_idempotency_keys.py."""

from __future__ import annotations

import json

import httpx
import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.documents import CLIENTS_DIR
from tests.support.graphql import error_codes
from tests.support.partners import document_id, persisted

COOKIE = {"Cookie": "shulgraph_refresh=sgr_stolen"}
MUTATION = "mutation { logout { ok } }"


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/plain", json.dumps({"query": MUTATION})),
        ("application/x-www-form-urlencoded", "query=mutation+%7B+logout+%7B+ok+%7D+%7D"),
        ("multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{}\r\n--x--'),
    ],
)
async def test_C1_cookie_bearing_simple_post_is_refused_before_execution(
    http: httpx.AsyncClient, content_type: str, content: str
) -> None:
    response = await http.post("/graphql", content=content, headers={**COOKIE, "Content-Type": content_type})
    assert response.status_code == 400
    assert "Cross-Site Request Forgery" in response.text
    assert "set-cookie" not in response.headers  # logout never ran: it would have cleared the cookie


async def test_C1_preflighted_requests_pass_the_csrf_check(http: httpx.AsyncClient) -> None:
    plain = await http.post(
        "/graphql",
        content=json.dumps({"query": "{ __typename }"}),
        headers={**COOKIE, "Content-Type": "text/plain", "Apollo-Require-Preflight": "true"},
    )
    assert plain.status_code == 415  # not CSRF any more, but still not a GraphQL body
    as_json = await http.post("/graphql", json={"query": "{ __typename }"}, headers=COOKIE)
    assert as_json.status_code == 200 and as_json.json()["data"] == {"__typename": "Query"}


async def test_C1_cors_never_reflects_a_foreign_origin(http: httpx.AsyncClient) -> None:
    for origin in ("https://evil.example", "null"):
        response = await http.post("/graphql", json={"query": "{ __typename }"}, headers={**COOKIE, "Origin": origin})
        assert "access-control-allow-origin" not in response.headers
    preflight = await http.options(
        "/graphql",
        headers={
            "Origin": "https://admin.example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "apollo-require-preflight, content-type",
        },
    )
    assert preflight.headers["access-control-allow-origin"] == "https://admin.example.org"


async def test_C2_mutation_over_get_is_405(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": MUTATION}, headers={"Accept": "application/json"})
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    by_hash = await http.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(document_id("Logout"))["extensions"])},
        headers={"Accept": "application/json"},
    )
    assert by_hash.status_code == 405


async def test_C2_queries_over_get_work_also_by_hash(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    response = await http.get(
        "/graphql",
        params={"extensions": json.dumps(persisted(document_id("Synagogue"))["extensions"])},
        headers={**member.headers(), "Accept": "*/*"},
    )
    assert response.status_code == 200 and response.json()["data"]["synagogue"]["id"] == member.tenant_gid


async def test_graphql_response_json_when_asked_with_spec_status_codes(http: httpx.AsyncClient) -> None:
    modern = {"Accept": "application/graphql-response+json"}
    ok = await http.post("/graphql", json={"query": "{ __typename }"}, headers=modern)
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("application/graphql-response+json")
    invalid = await http.post("/graphql", json={"query": "{ nope }"}, headers=modern)
    assert invalid.status_code == 400 and "data" not in invalid.json()
    unparsable = await http.post("/graphql", json={"query": "{"}, headers=modern)
    assert unparsable.status_code == 400
    execution_error = await http.post("/graphql", json={"query": "{ me { id } }"}, headers=modern)
    assert execution_error.status_code == 200 and execution_error.json()["data"] is None
    legacy = await http.post("/graphql", json={"query": "{ nope }"}, headers={"Accept": "application/json"})
    assert legacy.status_code == 200 and legacy.headers["content-type"].startswith("application/json")


async def test_unsupported_content_type_is_415_and_unacceptable_accept_is_406(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", content="{ __typename }", headers={"Content-Type": "application/graphql"})
    assert response.status_code == 415
    refused = await http.post("/graphql", json={"query": "{ __typename }"}, headers={"Accept": "text/xml"})
    assert refused.status_code == 406


@pytest.mark.parametrize("accept", ["application/graphql-response+json", "application/json"])
async def test_http_spec_request_errors_are_400_for_either_media_type(http: httpx.AsyncClient, accept: str) -> None:
    json_body = {"Accept": accept, "Content-Type": "application/json"}
    for body in ("{}", '"x"', "null", "[1]", '{"query": 5}', '{"query": "{ __typename }", "variables": "x"}'):
        response = await http.post("/graphql", content=body, headers=json_body)
        assert response.status_code == 400, body
    missing = await http.get("/graphql", headers={"Accept": accept})
    assert missing.status_code == 400 and "No GraphQL query" in missing.text
    mutation = await http.get("/graphql", params={"query": MUTATION}, headers={"Accept": accept})
    assert mutation.status_code == 405 and mutation.headers["allow"] == "POST"
    charset = await http.post(
        "/graphql",
        content='{"query": "{ __typename }"}',
        headers={**json_body, "Content-Type": "application/json; charset=utf-8"},
    )
    assert charset.status_code == 200 and charset.json() == {"data": {"__typename": "Query"}}
    put = await http.put("/graphql", json={"query": "{ __typename }"}, headers={"Accept": accept})
    assert put.status_code == 405 and "POST" in put.headers["allow"]


async def test_http_spec_several_operations_need_an_operation_name_and_are_never_run_unmeasured(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    member = await factory.member(role=Role.VIEWER)
    headers = {**member.headers(), "Accept": "application/graphql-response+json"}
    query = "query Big { members(first: 100) { edges { node { id } } } } query Small { __typename }"
    unnamed = await http.post("/graphql", json={"query": query}, headers=headers)
    assert unnamed.status_code == 400 and "data" not in unnamed.json()
    assert "Must provide operation name" in unnamed.json()["errors"][0]["message"]
    named = await http.post("/graphql", json={"query": query, "operationName": "Big"}, headers=headers)
    assert named.status_code == 200 and named.json()["extensions"]["cost"]["requestedQueryCost"] > 100
    legacy = await http.post(
        "/graphql", json={"query": query}, headers={**member.headers(), "Accept": "application/json"}
    )
    assert legacy.status_code == 200 and "data" not in legacy.json() and legacy.json()["errors"]


async def test_http_spec_subscriptions_over_http_are_a_request_error(http: httpx.AsyncClient) -> None:
    body = {"query": "subscription { screenUpdated { version } }"}
    modern = await http.post("/graphql", json=body, headers={"Accept": "application/graphql-response+json"})
    assert modern.status_code == 400 and "graphql-transport-ws" in modern.json()["errors"][0]["message"]
    legacy = await http.post("/graphql", json=body, headers={"Accept": "application/json"})
    assert "data" not in legacy.json() and "graphql-transport-ws" in legacy.json()["errors"][0]["message"]
    tv_file = {"query": (CLIENTS_DIR / "tv.graphql").read_text(), "operationName": "Screen"}
    screen = await http.post("/graphql", json=tv_file, headers={"Accept": "application/graphql-response+json"})
    assert screen.status_code == 200 and error_codes(screen.json()) == ["UNAUTHENTICATED"]  # the query ran
