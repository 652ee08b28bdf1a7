"""P2, the store behind Apollo's automatic persisted queries: as in Apollo Server, a document is stored only
once it parses and validates, and the store is bounded (size of one document, age, and number of documents)."""

from __future__ import annotations

from typing import Any

import httpx

from models.identity import Role
from services.partners.apq_store import APQ_INDEX
from services.partners.documents import sha256_hex
from tests.support.actors import Factory, unique
from tests.support.apps import variant
from tests.support.graphql import error_codes
from tests.support.partners import persisted
from tests.support.websocket import data, socket_of


def _fresh(name: str) -> str:
    return f"{{ {name}_{unique('a').replace('-', '_')}: __typename }}"


async def test_P2_a_document_that_fails_to_parse_or_validate_is_never_stored(http: httpx.AsyncClient) -> None:
    unparsable = f"{{ broken_{unique('p').replace('-', '_')}: __typename"
    invalid = f"{{ {unique('nope').replace('-', '_')} }}"
    for query in (unparsable, invalid):
        document_hash = sha256_hex(query)
        refused = await http.post("/graphql", json=persisted(document_hash, query))
        assert refused.status_code == 200 and refused.json()["errors"] and "data" not in refused.json()
        by_hash = await http.post("/graphql", json=persisted(document_hash))
        assert error_codes(by_hash.json()) == ["PERSISTED_QUERY_NOT_FOUND"], query


async def test_P2_a_valid_document_is_stored_and_then_runs_by_hash(http: httpx.AsyncClient) -> None:
    query = _fresh("stored")
    document_hash = sha256_hex(query)
    registered = await http.post("/graphql", json=persisted(document_hash, query))
    assert registered.json() == {"data": {query[2:].split(":")[0]: "Query"}}
    by_hash = await http.post("/graphql", json=persisted(document_hash))
    assert by_hash.json() == registered.json()


async def test_P2_the_store_keeps_at_most_persisted_query_max_entries(app: Any) -> None:
    queries = [_fresh(f"bounded{n}") for n in range(5)]
    async with variant(app, persisted_query_max_entries=3) as client:
        for query in queries:
            stored = await client.post("/graphql", json=persisted(sha256_hex(query), query))
            assert "errors" not in stored.json()
        answers = [await client.post("/graphql", json=persisted(sha256_hex(query))) for query in queries]
    assert [error_codes(answer.json()) for answer in answers] == [["PERSISTED_QUERY_NOT_FOUND"]] * 2 + [[]] * 3
    redis = app.state.kv.client
    assert await redis.zcard(APQ_INDEX) <= 3


async def test_P2_a_document_registered_over_a_websocket_is_stored_once_it_validates(
    app: Any, http: httpx.AsyncClient, factory: Factory
) -> None:
    member = await factory.member(role=Role.VIEWER)
    valid, invalid = _fresh("ws"), f"{{ {unique('wsnope').replace('-', '_')} }}"
    async with variant(app) as client, socket_of(client, member) as socket:
        for op_id, query in (("valid", valid), ("invalid", invalid)):
            payload = persisted(sha256_hex(query), query)
            await socket.send({"id": op_id, "type": "subscribe", "payload": payload})
        assert data(await socket.next("valid"))
        assert (await socket.next("invalid"))["type"] == "error"
    assert "errors" not in (await http.post("/graphql", json=persisted(sha256_hex(valid)))).json()
    missing = await http.post("/graphql", json=persisted(sha256_hex(invalid)))
    assert error_codes(missing.json()) == ["PERSISTED_QUERY_NOT_FOUND"]
