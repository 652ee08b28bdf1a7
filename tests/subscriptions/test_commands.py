"""`deviceCommands` and `tenantEvents` over a real websocket."""

from __future__ import annotations

from typing import Any

import asyncpg

from models.base import tenant_scope
from models.devices import CommandStatus, DeviceCommand
from models.identity import Role
from services.infra.ids import to_global_id
from subscriptions.events import tenant_event
from tests.support.actors import Actor, Factory
from tests.support.devices import TV, make_tv
from tests.support.events import COMMANDS, EVENTS, watch_events
from tests.support.graphql import GQL, message_codes
from tests.support.live import Server
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient


async def send(gql: GQL, admin: Actor, tv: TV, kind: str) -> str:
    result = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": kind}}, actor=admin)
    command_id: str = result["data"]["sendDeviceCommand"]["command"]["id"]
    return command_id


async def listen(server: Server, tv: TV) -> WSClient:
    client = await WSClient.open(server.ws_url)
    assert (await client.init(tv.init_payload))["type"] == "connection_ack"
    await client.subscribe("commands", COMMANDS)
    return client


async def next_command(client: WSClient) -> dict[str, Any]:
    command: dict[str, Any] = (await client.next_data("commands"))["deviceCommands"]
    return command


async def test_pending_commands_first_then_new_ones_and_again_after_reconnect(
    live_server: Server, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    first_id = await send(gql, admin, tv, "RELOAD")
    second_id = await send(gql, admin, tv, "SCREENSHOT")

    client = await listen(live_server, tv)
    try:
        assert [(await next_command(client))["id"] for _ in range(2)] == [first_id, second_id]
        live_id = await send(gql, admin, tv, "REBOOT")
        live = await next_command(client)
        assert (live["id"], live["kind"]) == (live_id, "REBOOT") and live["issuedAt"]
    finally:
        await client.close()
    async with tenant_scope(admin.tenant.id):
        statuses = {row.status for row in await DeviceCommand.filter(device_id=tv.device.id)}
    assert statuses == {CommandStatus.DELIVERED}

    ack = {"input": {"commandId": first_id, "success": True}}
    assert (await gql.op("AcknowledgeDeviceCommand", ack, headers=tv.headers))["data"]["acknowledgeDeviceCommand"]

    again = await listen(live_server, tv)
    try:
        assert [(await next_command(again))["id"] for _ in range(2)] == [second_id, live_id]
    finally:
        await again.close()


async def test_tenant_events_report_online_and_acknowledgements(
    app: Any, live_server: Server, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    foreign_tv = await make_tv(stranger.tenant)
    command_id = await send(gql, admin, tv, "RELOAD")

    watcher = await watch_events(app, live_server, admin)
    foreign_socket = await listen(live_server, foreign_tv)
    device_socket = await listen(live_server, tv)
    try:
        online = (await watcher.next_data("events"))["tenantEvents"]
        assert (online["kind"], online["deviceId"]) == ("DEVICE_ONLINE", tv.gid)
        assert (await next_command(device_socket))["id"] == command_id
        body = {"input": {"commandId": command_id, "success": False, "detail": "no disk"}}
        await gql.op("AcknowledgeDeviceCommand", body, headers=tv.headers)
        failed = (await watcher.next_data("events"))["tenantEvents"]
        assert (failed["kind"], failed["deviceId"]) == ("COMMAND_FAILED", tv.gid)
        assert failed["detail"]["commandId"] == command_id and failed["at"]
    finally:
        for client in (watcher, foreign_socket, device_socket):
            await client.close()


async def test_missing_role_tenant_events_are_for_members_only(
    live_server: Server, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    client = await WSClient.open(live_server.ws_url)
    try:
        assert (await client.init(tv.init_payload))["type"] == "connection_ack"
        async with unchanged(owner_db, tenant):
            await client.subscribe("events", EVENTS)
            message = await client.next("events")
            assert message_codes(message) == ["FORBIDDEN"], message
    finally:
        await client.close()


def signed_in(member: Actor) -> dict[str, str]:
    return {"authorization": f"Bearer {member.token}"}


async def test_cross_tenant_a_synagogues_watchers_and_devices_get_nothing_of_another(
    app: Any, live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    tv, foreign_tv = await make_tv(admin.tenant), await make_tv(stranger.tenant)
    async with unchanged(owner_db, admin, stranger):
        for tenant_gid in (stranger.tenant_gid, to_global_id("Synagogue", 10**9)):  # naming B, or no synagogue at all
            naming = await WSClient.open(live_server.ws_url)
            await naming.send({"type": "connection_init", "payload": {**signed_in(admin), "tenantId": tenant_gid}})
            assert await naming.close_code() == 4403

    watcher = await watch_events(app, live_server, admin)
    device_socket = await listen(live_server, tv)
    foreign_socket = await listen(live_server, foreign_tv)  # comes online in B
    try:
        foreign_id = await send(gql, stranger, foreign_tv, "REBOOT")
        assert (await next_command(foreign_socket))["id"] == foreign_id
        ack = {"input": {"commandId": foreign_id, "success": True}}
        done = await gql.op("AcknowledgeDeviceCommand", ack, headers=foreign_tv.headers)
        assert done["data"]["acknowledgeDeviceCommand"]["userErrors"] == [], done
        own_id = await send(gql, admin, tv, "RELOAD")
        assert (await next_command(device_socket))["id"] == own_id  # B's command never came first
        await tenant_event(app.state.broadcast, admin.tenant.id, "ALERT", marker=True)
        heard: list[dict[str, Any]] = []
        while (event := (await watcher.next_data("events"))["tenantEvents"])["detail"] != {"marker": True}:
            heard.append(event)
        assert foreign_tv.gid not in {e["deviceId"] for e in heard}, heard
        assert tv.gid in {e["deviceId"] for e in heard if e["kind"] == "DEVICE_ONLINE"}
    finally:
        for client in (watcher, device_socket, foreign_socket):
            await client.close()
