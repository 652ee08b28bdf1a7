"""Security matrix rows W1–W3 and T7, driven with a real graphql-transport-ws client against uvicorn."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from websockets.exceptions import InvalidStatus

from models.identity import Role
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import GQL
from tests.support.live import Server, run_server
from tests.support.websocket import WSClient

SCREEN = client_document("ScreenUpdated")
COMMANDS = client_document("DeviceCommands")
ALLOWED_ORIGIN = "https://admin.example.org"


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server(ws_init_timeout_seconds="1") as live:
        yield live


def _error_codes(message: dict[str, Any]) -> list[str]:
    payload: Any = message.get("payload") or {}
    errors: list[Any] = payload if message.get("type") == "error" else payload.get("errors") or []
    return [e["extensions"]["code"] for e in errors]


async def test_W1_foreign_origin_is_refused_at_the_handshake(server: Server, factory: Factory) -> None:
    with pytest.raises(InvalidStatus) as refused:
        await WSClient.open(server.ws_url, origin="https://evil.example.com")
    assert refused.value.response.status_code == 403
    tv = await make_tv(await factory.tenant())
    allowed = await WSClient.open(server.ws_url, origin=ALLOWED_ORIGIN)
    assert (await allowed.init(tv.init_payload))["type"] == "connection_ack"
    await allowed.close()


async def test_W2_bad_token_in_init_closes_4403(server: Server) -> None:
    for payload in (
        {"authorization": "Device sgd_forged"},
        {"authorization": "Bearer not.a.jwt"},
        {"authorization": 7},
    ):
        client = await WSClient.open(server.ws_url)
        await client.send({"type": "connection_init", "payload": payload})
        assert await client.close_code() == 4403, payload


async def test_W2_an_address_refused_too_often_is_told_to_try_again_later(factory: Factory) -> None:
    """Past `WS_INIT_FAILURE_LIMIT` refused inits, an address gets 1013 before any credential is checked,
    a good one included; the refusals and the throttle are per address, kept in Redis."""
    tv = await make_tv(await factory.tenant())
    async with run_server(ws_init_failure_limit="3/minute") as live:
        for _ in range(3):
            client = await WSClient.open(live.ws_url)
            await client.send({"type": "connection_init", "payload": {"authorization": "Device sgd_forged"}})
            assert await client.close_code() == 4403
        client = await WSClient.open(live.ws_url)
        await client.send({"type": "connection_init", "payload": tv.init_payload})
        assert await client.close_code() == 1013
    async with run_server() as other:  # the default budget is far from spent
        client = await WSClient.open(other.ws_url)
        assert (await client.init(tv.init_payload))["type"] == "connection_ack"
        await client.close()


async def test_W2_no_init_in_time_closes_4408(server: Server) -> None:
    client = await WSClient.open(server.ws_url)
    assert await client.close_code(timeout=15) == 4408


async def test_W2_second_init_closes_4429(server: Server, factory: Factory) -> None:
    tv = await make_tv(await factory.tenant())
    client = await WSClient.open(server.ws_url)
    assert (await client.init(tv.init_payload))["type"] == "connection_ack"
    await client.send({"type": "connection_init", "payload": tv.init_payload})
    assert await client.close_code() == 4429


async def test_W2_subscribe_before_ack_closes_4401(server: Server) -> None:
    client = await WSClient.open(server.ws_url)
    await client.subscribe("1", SCREEN)
    assert await client.close_code() == 4401


async def test_W2_duplicate_operation_id_closes_4409(server: Server, factory: Factory) -> None:
    tv = await make_tv(await factory.tenant())
    client = await WSClient.open(server.ws_url)
    assert (await client.init(tv.init_payload))["type"] == "connection_ack"
    await client.subscribe("same", SCREEN)
    await client.next_data("same")
    await client.subscribe("same", COMMANDS)
    assert await client.close_code() == 4409


async def test_W2_a_token_in_the_url_authenticates_nothing(server: Server, factory: Factory) -> None:
    tv = await make_tv(await factory.tenant())
    url = f"{server.ws_url}?authorization=Device%20{tv.token}&token={tv.token}"
    client = await WSClient.open(url)
    try:
        assert (await client.init({}))["type"] == "connection_ack"
        await client.subscribe("screen", SCREEN)
        assert _error_codes(await client.next("screen")) == ["UNAUTHENTICATED"]
    finally:
        await client.close()


async def test_W3_revoked_device_is_closed_4403_mid_stream(server: Server, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    screens = []
    for _ in range(2):
        client = await WSClient.open(server.ws_url)
        assert (await client.init(tv.init_payload))["type"] == "connection_ack"
        await client.subscribe("screen", SCREEN)
        await client.next_data("screen")
        screens.append(client)
    revoked = await gql.op("RevokeDevice", {"id": tv.gid}, actor=admin)  # served by another process
    assert revoked["data"]["revokeDevice"]["device"]["status"] == "REVOKED"
    for client in screens:
        assert await client.close_code(timeout=10) == 4403
    again = await WSClient.open(server.ws_url)
    await again.send({"type": "connection_init", "payload": tv.init_payload})
    assert await again.close_code() == 4403


async def test_T7_device_cannot_reach_another_tenant(server: Server, gql: GQL, factory: Factory) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    tv_a = await make_tv(a.tenant)
    tv_b = await make_tv(b.tenant)
    naming_b = await WSClient.open(server.ws_url)
    await naming_b.send({"type": "connection_init", "payload": {**tv_a.init_payload, "tenantId": b.tenant_gid}})
    assert await naming_b.close_code() == 4403
    client = await WSClient.open(server.ws_url)
    try:
        assert (await client.init(tv_a.init_payload))["type"] == "connection_ack"
        await client.subscribe(
            "arg", f"subscription {{ screenUpdated(deviceId: {json.dumps(tv_b.gid)}) {{ version }} }}"
        )
        assert (await client.next("arg"))["type"] == "error"
        await client.subscribe(
            "cmd-arg", "subscription($id: ID!) { deviceCommands(deviceId: $id) { id } }", {"id": tv_b.gid}
        )
        assert (await client.next("cmd-arg"))["type"] == "error"

        await client.subscribe("screen", SCREEN)
        state = (await client.next_data("screen"))["screenUpdated"]
        assert state["synagogueName"] == a.tenant.name
        await client.subscribe("commands", COMMANDS)

        sent_b = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv_b.gid, "kind": "REBOOT"}}, actor=b)
        foreign_id = sent_b["data"]["sendDeviceCommand"]["command"]["id"]
        sent_a = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv_a.gid, "kind": "RELOAD"}}, actor=a)
        own_id = sent_a["data"]["sendDeviceCommand"]["command"]["id"]
        assert (await client.next_data("commands"))["deviceCommands"]["id"] == own_id

        ack = {"input": {"commandId": foreign_id, "success": True}}
        refused = await gql.op("AcknowledgeDeviceCommand", ack, headers=tv_a.headers)
        assert [e["code"] for e in refused["data"]["acknowledgeDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]
    finally:
        await client.close()
