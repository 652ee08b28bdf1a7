"""The HTTP edge: request ids, health, security headers, CORS, body limit, GraphiQL, access logs."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from structlog.stdlib import ProcessorFormatter

from models.identity import Role
from tests.support.actors import Factory, unique
from tests.support.documents import client_document
from tests.support.servers import redis_down
from tests.support.waiting import wait_until

GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")
ALLOWED_ORIGIN = "https://admin.example.org"
TYPENAME = {"query": "{ __typename }"}


async def test_request_id_from_the_client_is_echoed(http: httpx.AsyncClient) -> None:
    request_id = unique("req")
    response = await http.post("/graphql", json=TYPENAME, headers={"X-Request-ID": request_id})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == request_id


@pytest.mark.parametrize("incoming", [None, "short", "has spaces in it", "x" * 65, "semi;colon-123", "é-unicode-id"])
async def test_request_id_is_generated_when_missing_or_insane(http: httpx.AsyncClient, incoming: str | None) -> None:
    headers = {b"X-Request-ID": incoming.encode()} if incoming else {}
    response = await http.post("/graphql", json=TYPENAME, headers=headers)
    assert response.status_code == 200
    assert GENERATED_ID.match(response.headers["x-request-id"]), response.headers["x-request-id"]


async def test_request_ids_differ_per_request(http: httpx.AsyncClient) -> None:
    first = await http.get("/health/live")
    second = await http.get("/health/live")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/no-such-page", None, 404),
        ("POST", "/graphql", b"{not json", 400),
        ("PUT", "/graphql", b"{}", 405),
        ("POST", "/graphql", json.dumps({"query": "{ nope }"}).encode(), 200),
    ],
)
async def test_request_id_is_echoed_on_errors(
    http: httpx.AsyncClient, method: str, path: str, body: bytes | None, status: int
) -> None:
    request_id = unique("err")
    response = await http.request(
        method, path, content=body, headers={"X-Request-ID": request_id, "Content-Type": "application/json"}
    )
    assert response.status_code == status
    assert response.headers.get_list("x-request-id") == [request_id]


async def test_health_live(http: httpx.AsyncClient) -> None:
    response = await http.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_health_ready_with_database_and_redis(http: httpx.AsyncClient) -> None:
    response = await http.get("/health/ready")
    assert response.status_code == 200, response.text
    assert response.json()["checks"] == {"process": "ok", "database": "ok", "redis": "ok"}


async def _ready_again(http: httpx.AsyncClient) -> httpx.Response:
    answers: list[httpx.Response] = []

    async def ready() -> bool:
        answers.append(await http.get("/health/ready"))
        return answers[-1].status_code == 200

    await wait_until(ready, lambda: f"ready again; last answer: {answers[-1].text}", timeout=10, every=0.1)
    return answers[-1]


async def test_health_ready_is_503_while_redis_is_down(http: httpx.AsyncClient) -> None:
    async with redis_down():
        response = await http.get("/health/ready")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable"
        assert body["checks"]["redis"] == "down"
        assert body["checks"]["database"] == "ok"
        assert response.headers["x-request-id"]
    response = await _ready_again(http)
    assert response.status_code == 200, response.text


async def test_metrics_want_the_metrics_token_once_one_is_set(
    http: httpx.AsyncClient, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await http.get("/metrics")).status_code == 200  # none set: for scrapers inside the network
    monkeypatch.setattr(app.state.settings, "metrics_token", "scrape-secret")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "scrape-secret"}):
        refused = await http.get("/metrics", headers=headers)
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == 'Bearer realm="metrics"'
        assert "shulgraph_" not in refused.text
    scraped = await http.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
    assert scraped.status_code == 200 and "shulgraph_http_requests_total" in scraped.text


@pytest.mark.parametrize("path", ["/health/live", "/graphql", "/no-such-page"])
async def test_security_headers(http: httpx.AsyncClient, path: str) -> None:
    response = await (http.post(path, json=TYPENAME) if path == "/graphql" else http.get(path))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"


async def test_cors_preflight_from_an_allowed_origin(http: httpx.AsyncClient) -> None:
    response = await http.options(
        "/graphql",
        headers={
            "Origin": ALLOWED_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, x-tenant-id",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert response.headers["access-control-allow-credentials"] == "true"
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"authorization", "content-type", "x-tenant-id"} <= allowed


async def test_cors_simple_request_from_an_allowed_origin(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json=TYPENAME, headers={"Origin": ALLOWED_ORIGIN})
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


@pytest.mark.parametrize("origin", ["https://evil.example.com", "https://admin.example.org.evil.com", "null"])
async def test_cors_foreign_origin_is_never_reflected(http: httpx.AsyncClient, origin: str) -> None:
    preflight = await http.options("/graphql", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 400
    simple = await http.post("/graphql", json=TYPENAME, headers={"Origin": origin})
    for response in (preflight, simple):
        assert "access-control-allow-origin" not in response.headers


async def test_body_over_the_limit_is_413(http: httpx.AsyncClient, settings: Any) -> None:
    request_id = unique("big")
    body = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * settings.max_body_bytes}})
    response = await http.post(
        "/graphql", content=body, headers={"Content-Type": "application/json", "X-Request-ID": request_id}
    )
    assert response.status_code == 413
    assert response.headers.get_list("x-request-id") == [request_id]
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_streamed_body_over_the_limit_is_413(http: httpx.AsyncClient, settings: Any) -> None:
    """A chunked body declares no length; the limit is enforced while it streams in."""
    request_id = unique("stream")
    chunk = b" " * 65536

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }"'
        for _ in range(settings.max_body_bytes // len(chunk) + 2):
            yield chunk
        yield b"}"

    response = await http.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json", "X-Request-ID": request_id}
    )
    assert response.status_code == 413
    assert response.headers.get_list("x-request-id") == [request_id]
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_a_declared_length_that_is_not_ascii_digits_is_not_trusted(http: httpx.AsyncClient) -> None:
    """A proxy might pass on what a server would refuse: '²'.isdigit() is true but int('²') raises."""
    body = json.dumps({"query": "{ __typename }"}).encode()
    headers = {b"Content-Type": b"application/json", b"Content-Length": "\u00b2".encode("latin-1")}
    response = await http.post("/graphql", content=body, headers=headers)
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}


async def test_body_under_the_limit_is_served(http: httpx.AsyncClient, settings: Any) -> None:
    body = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * (settings.max_body_bytes // 2)}})
    response = await http.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_graphiql_page_for_browsers(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


async def test_get_without_html_accept_runs_a_query(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": "{ __typename }"}, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.fixture
def access_log() -> Iterator[io.StringIO]:
    """The access log's JSON lines, rendered by the app's own formatter."""
    logger = logging.getLogger("shulgraph.access")
    app_formatters = [h.formatter for h in logging.getLogger().handlers if isinstance(h.formatter, ProcessorFormatter)]
    formatter = app_formatters[0]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _lines(stream: io.StringIO, request_id: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    return [entry for entry in entries if entry.get("request_id") == request_id]


async def test_access_log_carries_request_principal_tenant_operation(
    http: httpx.AsyncClient, factory: Factory, access_log: io.StringIO
) -> None:
    actor = await factory.member(role=Role.VIEWER)
    request_id = unique("log")
    response = await http.post(
        "/graphql",
        json={"query": client_document("Me"), "operationName": "Me"},
        headers={**actor.headers(), "X-Request-ID": request_id},
    )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    [entry] = _lines(access_log, request_id)
    assert entry["event"] == "request"
    assert entry["logger"] == "shulgraph.access"
    assert entry["level"] == "info"
    assert entry["method"] == "POST"
    assert entry["path"] == "/graphql"
    assert entry["status"] == 200
    assert entry["principal"] == f"user:{actor.user.id}"
    assert entry["tenant"] == actor.tenant.id
    assert entry["operation"] == "Me"
    assert isinstance(entry["duration_ms"], int | float) and entry["duration_ms"] >= 0
    assert entry["timestamp"]


async def test_access_log_of_an_anonymous_error(http: httpx.AsyncClient, access_log: io.StringIO) -> None:
    request_id = unique("anon")
    response = await http.post(
        "/graphql", content=b"{oops", headers={"X-Request-ID": request_id, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    [entry] = _lines(access_log, request_id)
    assert entry["status"] == 400
    assert entry["principal"] == "anonymous"
    assert entry["tenant"] is None
    assert entry["operation"] is None
