"""GraphQL over HTTP (the GraphQL-over-HTTP specification, with Apollo's shapes for refusals): what the endpoint
answers for each kind of bad request, in each response media type. A request error is HTTP 200 for
`application/json` (the legacy media type) and 4xx for `application/graphql-response+json`; a request that
is not well-formed is 4xx in both; every refusal has a GraphQL-shaped body (`errors`, no `data`)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.support.graphql import error_codes

LEGACY = "application/json"
MODERN = "application/graphql-response+json"


def _graphql_shaped(response: httpx.Response, media: str) -> dict[str, Any]:
    assert response.headers["content-type"].startswith(media), response.headers
    body: dict[str, Any] = response.json()
    assert "data" not in body and body["errors"] and all(e["message"] for e in body["errors"]), body
    return body


@pytest.mark.parametrize(("accept", "status"), [(LEGACY, 200), (MODERN, 400)])
async def test_an_operation_name_not_in_the_document_is_a_request_error(
    http: httpx.AsyncClient, accept: str, status: int
) -> None:
    body = {"query": "query A { __typename }", "operationName": "B"}
    response = await http.post("/graphql", json=body, headers={"Accept": accept})
    assert response.status_code == status
    error = _graphql_shaped(response, accept)["errors"][0]
    assert error["message"] == 'Unknown operation named "B".'
    assert error["extensions"]["code"] == "BAD_REQUEST"
    over_get = await http.get("/graphql", params=body, headers={"Accept": accept})
    assert over_get.status_code == status
    _graphql_shaped(over_get, accept)


@pytest.mark.parametrize("accept", [LEGACY, MODERN])
@pytest.mark.parametrize("method", ["HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"])
async def test_methods_other_than_get_and_post_are_405_with_the_allow_header_the_endpoint_keeps(
    http: httpx.AsyncClient, method: str, accept: str
) -> None:
    response = await http.request(method, "/graphql", params={"query": "{ __typename }"}, headers={"Accept": accept})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    if method != "HEAD":
        assert error_codes(_graphql_shaped(response, accept)) == ["BAD_REQUEST"]


@pytest.mark.parametrize("accept", [LEGACY, MODERN])
async def test_a_body_that_is_not_json_is_a_400_with_a_graphql_shaped_error(
    http: httpx.AsyncClient, accept: str
) -> None:
    response = await http.post(
        "/graphql", content=b"{not json", headers={"Content-Type": "application/json", "Accept": accept}
    )
    assert response.status_code == 400
    assert error_codes(_graphql_shaped(response, accept)) == ["BAD_REQUEST"]


@pytest.mark.parametrize("accept", [LEGACY, MODERN])
async def test_an_oversized_body_is_a_413_with_a_graphql_shaped_error(
    http: httpx.AsyncClient, settings: Any, accept: str
) -> None:
    declared = json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * settings.max_body_bytes}})
    response = await http.post(
        "/graphql", content=declared, headers={"Content-Type": "application/json", "Accept": accept}
    )
    assert response.status_code == 413
    assert error_codes(_graphql_shaped(response, accept)) == ["PAYLOAD_TOO_LARGE"]

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit applies while it streams in
        yield b'{"query": "{ __typename }"'
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b" " * 65536
        yield b"}"

    streamed = await http.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json", "Accept": accept}
    )
    assert streamed.status_code == 413
    assert error_codes(_graphql_shaped(streamed, accept)) == ["PAYLOAD_TOO_LARGE"]


@pytest.mark.parametrize(("accept", "status"), [(LEGACY, 200), (MODERN, 400)])
async def test_parse_and_validation_failures_are_request_errors(
    http: httpx.AsyncClient, accept: str, status: int
) -> None:
    for query in ("{ __typename", "{ noSuchField }", "query ($a: Int!) { __typename }"):
        response = await http.post("/graphql", json={"query": query}, headers={"Accept": accept})
        assert response.status_code == status, query
        _graphql_shaped(response, accept)


@pytest.mark.parametrize("accept", [LEGACY, MODERN])
async def test_malformed_parameters_are_400_in_both_media_types(http: httpx.AsyncClient, accept: str) -> None:
    body: dict[str, Any]
    for body in ({"query": "{ __typename }", "variables": "x"}, {"variables": {}}, {"query": 1}):
        response = await http.post("/graphql", json=body, headers={"Accept": accept})
        assert response.status_code == 400, body
        _graphql_shaped(response, accept)


async def test_get_rules_a_mutation_over_get_is_405_allow_post(http: httpx.AsyncClient) -> None:
    mutation = {"query": "mutation { __typename }"}
    for accept in (LEGACY, MODERN):
        response = await http.get("/graphql", params=mutation, headers={"Accept": accept})
        assert response.status_code == 405 and response.headers["allow"] == "POST"
        _graphql_shaped(response, accept)


async def test_the_response_media_type_follows_accept(http: httpx.AsyncClient) -> None:
    typename = {"query": "{ __typename }"}
    modern = await http.post("/graphql", json=typename, headers={"Accept": f"{MODERN}, {LEGACY};q=0.9"})
    assert modern.headers["content-type"].startswith(MODERN) and modern.json() == {"data": {"__typename": "Query"}}
    legacy = await http.post("/graphql", json=typename, headers={"Accept": LEGACY})
    assert legacy.headers["content-type"].startswith(LEGACY)
    none = await http.post("/graphql", json=typename)
    assert none.headers["content-type"].startswith(LEGACY)
    refused = await http.post("/graphql", json=typename, headers={"Accept": "text/html"})
    assert refused.status_code == 406
