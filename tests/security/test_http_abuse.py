"""The hardened endpoint: CSRF prevention (C1), GET rules (C2), Redis down (R3), idempotency keys (R5), and
GraphQL over HTTP content negotiation and status codes."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import redis.asyncio as redis

from models.base import tenant_scope
from models.identity import Role
from models.platform import ApiKey
from services import idempotency
from tests.conftest import GQL, Factory, error_codes, unique
from tests.devices.helpers import make_tv
from tests.documents import CLIENTS_DIR, client_document
from tests.partners.helpers import create_key, document_id, persisted
from tests.services import redis_url, start_redis, stop_redis

COOKIE = {"Cookie": "shulgraph_refresh=sgr_stolen"}
MUTATION = "mutation { logout { ok } }"


def create_key_body(name: str) -> dict[str, Any]:
    variables = {"input": {"name": name, "allowedDocuments": [document_id("Synagogue")]}}
    return {"query": client_document("CreateApiKey"), "variables": variables, "operationName": "CreateApiKey"}


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


@pytest.fixture
async def redis_down() -> AsyncIterator[None]:
    stop_redis()
    try:
        yield
    finally:
        start_redis()


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
    from services.persisted import sha256_hex

    registered = await http.post("/graphql", json=persisted(sha256_hex(query), query))
    assert "errors" not in registered.json()  # the APQ cache is skipped, the query still runs
    miss = await http.post("/graphql", json=persisted(sha256_hex(query)))
    assert error_codes(miss.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_R3_service_returns_after_redis_comes_back(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    stop_redis()
    try:
        down = await http.post("/graphql", json={"query": "{ me { id } }"}, headers=member.headers())
        assert down.status_code == 503
    finally:
        start_redis()
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
    tv = await make_tv(admin.tenant)  # type: ignore[arg-type]
    assert (await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)).status_code == 200
    stop_redis()
    try:
        refused = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)
        assert refused.status_code == 503 and error_codes(refused.json()) == ["UNAVAILABLE"]
        assert refused.headers["retry-after"] and "data" not in refused.json()
        anonymous = await http.post("/graphql", json=public)
        assert anonymous.status_code == 503 and error_codes(anonymous.json()) == ["UNAVAILABLE"]
        forged = await http.post("/graphql", json=public, headers={"Authorization": "Bearer forged.token.value"})
        assert forged.status_code == 503 and error_codes(forged.json()) == ["UNAVAILABLE"]
        screen = await http.post("/graphql", json={"query": client_document("Screen")}, headers=tv.headers)
        assert screen.status_code == 200 and screen.json()["data"]["screen"]["synagogueName"]
    finally:
        start_redis()
    for _ in range(20):
        back = await http.post("/graphql", json=persisted(document_id("Synagogue")), headers=partner)
        if back.status_code == 200:
            break
    assert back.json()["data"]["synagogue"]["name"] == admin.tenant.name  # type: ignore[union-attr]


async def _key_count(tenant_id: int) -> int:
    async with tenant_scope(tenant_id):
        return await ApiKey.all().count()


async def test_R5_same_idempotency_key_replays_the_stored_result_without_running_again(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    headers = {**admin.headers(), "Idempotency-Key": unique("idem")}
    body = create_key_body("newsletter")
    first = await http.post("/graphql", json=body, headers=headers)
    secret = first.json()["data"]["createApiKey"]["secret"]
    assert secret and "idempotent-replayed" not in first.headers
    second = await http.post("/graphql", json=body, headers=headers)
    assert second.headers["idempotent-replayed"] == "true"
    replayed = second.json()
    assert replayed["data"]["createApiKey"]["apiKey"] == first.json()["data"]["createApiKey"]["apiKey"]
    assert replayed["data"]["createApiKey"]["secret"] is None  # a credential is shown once, never replayed
    assert replayed["extensions"]["idempotency"] == {"withheldFields": ["createApiKey.secret"]}
    assert await _key_count(admin.tenant.id) == 1  # type: ignore[union-attr]


async def _idempotency_records() -> dict[str, str]:
    client = redis.Redis.from_url(redis_url(), decode_responses=True)
    try:
        names = [name async for name in client.scan_iter(match="idem:*")]
        values = await client.mget(names) if names else []
        return {str(name): str(value) for name, value in zip(names, values, strict=True) if value is not None}
    finally:
        await client.aclose()


async def test_R5_idempotency_records_in_redis_hold_no_credential_and_no_identity_in_clear(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = unique("idem")
    before = await _idempotency_records()
    aliased = {**create_key_body("aliased"), "query": client_document("CreateApiKey").replace("secret", "s: secret")}
    first = await http.post("/graphql", json=aliased, headers={**admin.headers(), "Idempotency-Key": key})
    secret = first.json()["data"]["createApiKey"]["s"]
    assert secret
    records = {name: value for name, value in (await _idempotency_records()).items() if name not in before}
    assert len(records) == 1
    ((name, value),) = records.items()
    scope = idempotency.principal_scope("user", f"user:{admin.user.id}", admin.tenant.id)  # type: ignore[union-attr]
    assert name == idempotency.record_key(scope, key)
    for credential in (secret, admin.token, key, f"user:{admin.user.id}"):
        assert credential not in name and credential not in value
    stored = json.loads(json.loads(value)["body"])
    assert stored["data"]["createApiKey"]["s"] is None
    assert stored["data"]["createApiKey"]["apiKey"]["id"] == first.json()["data"]["createApiKey"]["apiKey"]["id"]


async def test_R5_same_key_with_another_body_is_refused(http: httpx.AsyncClient, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    headers = {**admin.headers(), "Idempotency-Key": unique("idem")}
    assert "errors" not in (await http.post("/graphql", json=create_key_body("one"), headers=headers)).json()
    other = await http.post("/graphql", json=create_key_body("two"), headers=headers)
    assert other.status_code == 422 and error_codes(other.json()) == ["IDEMPOTENCY_KEY_REUSED"]
    assert await _key_count(admin.tenant.id) == 1  # type: ignore[union-attr]


async def test_R5_keys_are_per_principal_and_tenant(http: httpx.AsyncClient, factory: Factory) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    key = unique("idem")
    first = await http.post("/graphql", json=create_key_body("x"), headers={**a.headers(), "Idempotency-Key": key})
    second = await http.post("/graphql", json=create_key_body("x"), headers={**b.headers(), "Idempotency-Key": key})
    assert "idempotent-replayed" not in second.headers
    assert first.json()["data"]["createApiKey"]["secret"] != second.json()["data"]["createApiKey"]["secret"]
    assert await _key_count(b.tenant.id) == 1  # type: ignore[union-attr]


async def test_R5_queries_ignore_the_idempotency_key(http: httpx.AsyncClient, factory: Factory) -> None:
    member = await factory.member(role=Role.VIEWER)
    headers = {**member.headers(), "Idempotency-Key": unique("idem")}
    await http.post("/graphql", json={"query": "{ synagogue { name } }"}, headers=headers)
    again = await http.post("/graphql", json={"query": "{ synagogue { id } }"}, headers=headers)
    assert again.status_code == 200 and "idempotent-replayed" not in again.headers
