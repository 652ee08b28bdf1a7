"""Trusted documents only (`TRUSTED_DOCUMENTS_ONLY`) over graphql-transport-ws, with a real websocket client
against uvicorn: a free-form `subscribe` from a principal not allowed the explorer gets an `error` message for
its operation id (the socket stays open); persisted documents, by hash or as text, keep TVs working."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.documents import CLIENTS_DIR, client_document
from tests.support.live import Server, run_server
from tests.support.partners import document_id
from tests.support.websocket import WSClient

FREE_FORM_SCREEN = "subscription { screenUpdated { version synagogueName } }"


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server(trusted_documents_only="true", environment="production") as live:
        yield live


def _codes(message: dict[str, Any]) -> list[str]:
    assert message["type"] == "error", message
    return [error["extensions"]["code"] for error in message["payload"]]


async def _tv_socket(server: Server, factory: Factory) -> WSClient:
    tv = await make_tv(await factory.tenant())
    client = await WSClient.open(server.ws_url)
    assert (await client.init(tv.init_payload))["type"] == "connection_ack"
    return client


async def test_trusted_documents_only_free_form_subscribe_from_a_tv_is_an_error_for_that_operation(
    server: Server, factory: Factory
) -> None:
    client = await _tv_socket(server, factory)
    await client.subscribe("free", FREE_FORM_SCREEN)
    assert _codes(await client.next("free")) == ["OPERATION_NOT_ALLOWED"]
    await client.subscribe("trusted", client_document("ScreenUpdated"))
    assert (await client.next_data("trusted"))["screenUpdated"]["synagogueName"]
    await client.close()


async def test_trusted_documents_only_tv_subscribes_by_hash_and_with_the_file_as_written(
    server: Server, factory: Factory
) -> None:
    client = await _tv_socket(server, factory)
    by_hash = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": document_id("ScreenUpdated")}}}
    await client.send({"id": "hash", "type": "subscribe", "payload": by_hash})
    assert (await client.next_data("hash"))["screenUpdated"]["version"]
    whole_file = (CLIENTS_DIR / "tv.graphql").read_text()
    payload = {"query": whole_file, "operationName": "ScreenUpdated"}
    await client.send({"id": "file", "type": "subscribe", "payload": payload})
    assert (await client.next_data("file"))["screenUpdated"]["version"]
    await client.close()


async def test_trusted_documents_only_unknown_hash_over_websocket_is_persisted_query_not_found(
    server: Server, factory: Factory
) -> None:
    client = await _tv_socket(server, factory)
    unknown = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}}
    await client.send({"id": "missing", "type": "subscribe", "payload": unknown})
    assert _codes(await client.next("missing")) == ["PERSISTED_QUERY_NOT_FOUND"]
    await client.close()


async def test_trusted_documents_only_free_form_over_websocket_only_for_explorer_roles(
    server: Server, factory: Factory
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    admin = await factory.member(role=Role.ADMIN)
    query = "query { synagogue { name } }"
    for actor, allowed in ((viewer, False), (admin, True)):
        client = await WSClient.open(server.ws_url)
        init = {"authorization": f"Bearer {actor.token}", "tenantId": actor.tenant_gid}
        assert (await client.init(init))["type"] == "connection_ack"
        await client.subscribe("q", query)
        if allowed:
            assert (await client.next_data("q"))["synagogue"]["name"] == actor.tenant.name
        else:
            assert _codes(await client.next("q")) == ["OPERATION_NOT_ALLOWED"]
            await client.subscribe("trusted", client_document("Synagogue"))
            assert (await client.next_data("trusted"))["synagogue"]["name"] == actor.tenant.name
        await client.close()
