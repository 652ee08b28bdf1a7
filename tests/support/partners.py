"""Partners and persisted documents for tests: the catalogue id of a client operation, the body of a
persisted-query request (Apollo's APQ shape), and an API key made through the API as an admin would."""

from __future__ import annotations

from typing import Any

from services.partners.documents import sha256_hex
from tests.support.actors import Actor
from tests.support.documents import client_document
from tests.support.graphql import GQL


def document_id(name: str) -> str:
    """The catalogue id of a client operation: SHA-256 of the text a client sends."""
    return sha256_hex(client_document(name))


def persisted(document_hash: str, query: str | None = None, **body: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": document_hash}}}
    if query is not None:
        payload["query"] = query
    return {**payload, **body}


async def create_key(gql: GQL, admin: Actor, documents: list[str], name: str = "Community website") -> dict[str, Any]:
    result = await gql.op("CreateApiKey", {"input": {"name": name, "allowedDocuments": documents}}, actor=admin)
    assert "errors" not in result, result
    payload: dict[str, Any] = result["data"]["createApiKey"]
    assert payload["userErrors"] == [], payload
    return payload
