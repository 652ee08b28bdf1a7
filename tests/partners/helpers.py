"""Helpers for partner and persisted-document tests: catalogue ids, keys, variant apps, APQ requests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from config import Settings, get_settings
from services.partners.documents import sha256_hex
from tests.conftest import GQL, Actor
from tests.documents import client_document


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


@asynccontextmanager
async def variant(app: Any, **overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the real app built with other settings (e.g. production), sharing the running app's
    database, Redis and pub/sub."""
    from main import create_app

    settings = Settings(**{**get_settings().model_dump(), **overrides})
    other = create_app(settings)
    other.state.kv = app.state.kv
    other.state.broadcast = app.state.broadcast
    other.state.settings = settings
    other.state.draining = False
    transport = httpx.ASGITransport(app=other, client=("127.0.0.1", 50002))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
