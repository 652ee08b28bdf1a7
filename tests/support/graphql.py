"""GraphQL over HTTP as a test sends it to the app in this process, and the few readings of an answer every
domain's tests make (top-level error codes, a payload's userErrors, the primary key behind a global id)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import httpx

from models.synagogue import Synagogue
from services.infra.ids import from_global_id
from tests.support.actors import Caller
from tests.support.documents import client_document, trusted

_addresses = itertools.count(1)


class GQL:
    """POSTs GraphQL to the app: `await gql(query, variables, actor=..., headers=...)` -> JSON body."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.last_response: httpx.Response | None = None

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        actor: Caller | None = None,
        tenant: Synagogue | None = None,
        headers: dict[str, str] | None = None,
        operation_name: str | None = None,
    ) -> dict[str, Any]:
        all_headers = actor.headers(tenant) if actor else {}
        all_headers.update(headers or {})
        body: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name:
            body["operationName"] = operation_name
        response = await self.http.post("/graphql", json=body, headers=all_headers)
        self.last_response = response
        result: dict[str, Any] = response.json()
        return result

    async def op(self, name: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """Run an operation of ../shared/clients by its name, unchanged."""
        return await self(client_document(name), variables, operation_name=name, **kwargs)

    async def trusted(self, name: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """Run a trusted document of the product's catalogue (`documents/` and the client documents) by its name."""
        return await self(trusted(name).text, variables, operation_name=name, **kwargs)


def fresh_address() -> str:
    """A client address of its own, so per-address limits (pairing, sign-in) do not couple tests."""
    n = next(_addresses)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def client_gql(app: Any, address: str | None = None) -> GQL:
    """A GQL of its own client address (a fresh one unless given), talking to the app in this process."""
    transport = httpx.ASGITransport(app=app, client=(address or fresh_address(), 40000))
    return GQL(httpx.AsyncClient(transport=transport, base_url="http://testserver"))


def app_of(client: httpx.AsyncClient) -> Any:
    """The app behind an in-process client (one on an `httpx.ASGITransport`: the `http` fixture's, `client_gql`'s, a
    variant's), to reach its state or open a websocket to it."""
    transport = client._transport
    assert isinstance(transport, httpx.ASGITransport), transport
    return transport.app


def answer(result: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL response without `extensions` (the cost report's budget refills between calls), to compare
    the answer for another synagogue's object with the answer for one that never existed."""
    return {key: value for key, value in result.items() if key != "extensions"}


def error_codes(result: dict[str, Any]) -> list[str]:
    """The `extensions.code` of each top-level error of a response (or of a websocket `next` payload)."""
    return [e.get("extensions", {}).get("code", "") for e in result.get("errors") or []]


def message_codes(message: dict[str, Any]) -> list[str]:
    """The codes of a graphql-transport-ws message: an `error` message, or a `next` whose payload carries errors."""
    payload = message["payload"]
    errors = payload if message["type"] == "error" else payload.get("errors") or []
    return [error["extensions"]["code"] for error in errors]


def user_errors(result: dict[str, Any], field: str) -> list[dict[str, Any]]:
    """The userErrors of mutation `field`, from a response without top-level errors."""
    assert "errors" not in result, result
    errors: list[dict[str, Any]] = result["data"][field]["userErrors"]
    return errors


def pk(global_id: str) -> int:
    """The primary key behind a global id the app returned."""
    parsed = from_global_id(global_id)
    assert parsed is not None, global_id
    return parsed[1]


Refusal = tuple[dict[str, Any], str]
"""A caller as `gql` keyword arguments (an actor, headers) and the error code it must be refused with."""


def refused_callers(member: Caller, device_headers: dict[str, str]) -> list[Refusal]:
    """Who an ADMIN operation refuses besides outsiders: a member below ADMIN and the synagogue's device
    (FORBIDDEN), and an anonymous caller (UNAUTHENTICATED)."""
    return [({"actor": member}, "FORBIDDEN"), ({"headers": device_headers}, "FORBIDDEN"), ({}, "UNAUTHENTICATED")]


async def assert_refused(gql: GQL, name: str, variables: dict[str, Any] | None, callers: Iterable[Refusal]) -> None:
    """Each caller (`gql` keyword arguments: an actor, headers) is refused the trusted document `name` with its
    error code, and reads nothing (data null, or its nullable root field null)."""
    for kwargs, code in callers:
        refused = await gql.trusted(name, variables, **kwargs)
        assert error_codes(refused) == [code], (name, code, refused)
        assert not any((refused.get("data") or {}).values()), (name, refused)
