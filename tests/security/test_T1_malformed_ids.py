"""T1 with ids no client could have been given: non-ASCII digits (`"²".isdigit()` is true, `int("²")` raises) and
numbers past the database's `integer` range, in a tenant header, a global id or a cursor. Each is answered like an
id that never existed (or an invalid cursor), never with an exception or a database error."""

from __future__ import annotations

import base64

import httpx

from tests.support.actors import Factory
from tests.support.graphql import error_codes


def encoded(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


FOREIGN: list[bytes] = [
    "\u00b2".encode("latin-1"),
    b"99999999999",
    b"0",
    encoded("Synagogue:99999999999").encode(),
    encoded("Synagogue:\u00b2").encode(),
]
NODES = [encoded("Message:99999999999"), encoded("Message:\u00b2"), encoded("Message:0")]
NODES += [encoded("Memorial:" + "9" * 18)]
CURSORS = [encoded("o:\u00b2"), encoded("o:99999999999"), encoded("o:2147483647"), encoded("o:-1")]


async def test_T1_a_malformed_tenant_header_is_refused_like_a_synagogue_that_does_not_exist(
    http: httpx.AsyncClient, factory: Factory
) -> None:
    actor = await factory.member()
    missing = {**actor.headers(), "X-Tenant-ID": encoded("Synagogue:2147483647")}
    expected = (await http.post("/graphql", json={"query": "{ synagogue { id } }"}, headers=missing)).json()
    assert error_codes(expected) == ["FORBIDDEN"]
    for tenant in FOREIGN:
        headers = {key.encode(): value.encode() for key, value in actor.headers().items()} | {b"X-Tenant-ID": tenant}
        response = await http.post("/graphql", json={"query": "{ synagogue { id } }"}, headers=headers)
        assert response.status_code == 200 and response.json()["errors"] == expected["errors"], (tenant, response.text)


async def test_T1_a_malformed_global_id_is_null_like_a_missing_one(http: httpx.AsyncClient, factory: Factory) -> None:
    actor = await factory.member()
    query = "query Node($id: ID!) { node(id: $id) { id } }"
    for node in NODES:
        response = await http.post(
            "/graphql", json={"query": query, "variables": {"id": node}}, headers=actor.headers()
        )
        assert response.json() == {"data": {"node": None}, "extensions": response.json()["extensions"]}, node


async def test_T1_a_malformed_cursor_is_an_invalid_cursor(http: httpx.AsyncClient, factory: Factory) -> None:
    actor = await factory.member()
    query = "query Members($after: String) { members(first: 5, after: $after) { edges { cursor } } }"
    for cursor in CURSORS:
        body = {"query": query, "variables": {"after": cursor}}
        result = (await http.post("/graphql", json=body, headers=actor.headers())).json()
        assert error_codes(result) == ["BAD_USER_INPUT"], (cursor, result)
        assert result["errors"][0]["message"] == "invalid cursor"
