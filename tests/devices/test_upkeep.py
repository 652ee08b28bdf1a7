"""The device sweep: running from process start, one process per tick, devices offline, commands expired."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from models.base import tenant_scope
from models.devices import CommandStatus, DeviceCommand, DeviceIdentity
from models.identity import Role
from services.devices.commands import expire_due_commands, open_commands
from services.devices.upkeep import current_tick, tick_key, upkeep_tick
from services.infra.ids import to_global_id
from services.infra.kv import make_key_value
from subscriptions.events import tenant_event
from tests.support.actors import Factory
from tests.support.devices import TV, make_tv
from tests.support.documents import client_document
from tests.support.events import device_events, tenant_feed, until_listening
from tests.support.graphql import GQL, answer, error_codes, pk
from tests.support.live import run_server
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient

HISTORY = """
query($id: ID!, $after: String) {
  node(id: $id) {
    ... on Device { commands(first: 2, after: $after) {
      edges { node { id kind status detail } } pageInfo { hasNextPage endCursor } } }
  }
}"""


async def gone_silent(tv: TV) -> None:
    """The device was online and its last sign of life is ten minutes old."""
    await DeviceIdentity.filter(device_id=tv.device.id).update(
        online=True, last_seen_at=datetime.now(UTC) - timedelta(minutes=10)
    )


async def send(gql: GQL, admin: Any, tv: TV, kind: str, ttl: int | None = None) -> str:
    body: dict[str, Any] = {"deviceId": tv.gid, "kind": kind}
    if ttl is not None:
        body["ttlSeconds"] = ttl
    result = await gql.op("SendDeviceCommand", {"input": body}, actor=admin)
    assert result["data"]["sendDeviceCommand"]["userErrors"] == [], result
    command_id: str = result["data"]["sendDeviceCommand"]["command"]["id"]
    return command_id


async def test_a_fresh_process_sweeps_from_its_start_without_any_request(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    command_id = await send(gql, admin, tv, "REBOOT", ttl=60)
    async with run_server(device_upkeep_seconds="0.5") as server, tenant_feed(app, tenant_id) as feed:
        await gone_silent(tv)
        async with tenant_scope(tenant_id):
            await DeviceCommand.filter(id=pk(command_id)).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        await DeviceIdentity.filter(device_id=tv.device.id).update(commands_due_at=datetime.now(UTC))

        events = await device_events(feed, tv.device.id, "DEVICE_OFFLINE", "COMMAND_EXPIRED")
        assert events["DEVICE_OFFLINE"]["at"]
        assert events["COMMAND_EXPIRED"]["detail"] == {"commandId": pk(command_id), "commandKind": "REBOOT"}
        recent = [current_tick(0.5, time.time() - 0.5 * back) for back in range(4)]
        owners = {await app.state.kv.get(tick_key(tick)) for tick in recent}
        assert f"{socket.gethostname()}:{server.process.pid}" in owners
    identity = await DeviceIdentity.get(device_id=tv.device.id)
    assert not identity.online and identity.commands_due_at is None
    async with tenant_scope(tenant_id):
        assert (await DeviceCommand.get(id=pk(command_id))).status == CommandStatus.EXPIRED


async def test_admins_watching_tenant_events_see_the_sweep(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    command_id = await send(gql, admin, tv, "SCREENSHOT", ttl=60)
    async with run_server(device_upkeep_seconds="0.5") as server:
        watcher = await WSClient.open(server.ws_url)
        try:
            ack = await watcher.init({"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid})
            assert ack["type"] == "connection_ack"
            await watcher.subscribe("events", client_document("TenantEvents"))
            await until_listening(app, watcher, admin)
            await gone_silent(tv)
            async with tenant_scope(admin.tenant.id):
                await DeviceCommand.filter(id=pk(command_id)).update(expires_at=datetime.now(UTC))
            await DeviceIdentity.filter(device_id=tv.device.id).update(commands_due_at=datetime.now(UTC))
            seen: dict[str, dict[str, Any]] = {}
            while set(seen) != {"DEVICE_OFFLINE", "COMMAND_EXPIRED"}:
                event = (await watcher.next_data("events", timeout=30))["tenantEvents"]
                if event["deviceId"] == tv.gid:
                    seen.setdefault(event["kind"], event)
        finally:
            await watcher.close()
    assert seen["COMMAND_EXPIRED"]["detail"] == {"commandId": command_id, "commandKind": "SCREENSHOT"}
    assert seen["DEVICE_OFFLINE"]["at"]


async def test_exactly_one_process_acts_per_tick(app: Any, factory: Factory) -> None:
    tv = await make_tv(await factory.tenant())
    await gone_silent(tv)
    settings = app.state.settings
    stores = [make_key_value(settings.redis_url) for _ in range(4)]
    tick = 10**12 + tv.device.id  # a tick of its own, no process's clock reaches it
    try:
        results = await asyncio.gather(*(upkeep_tick(app.state.broadcast, kv, settings, tick) for kv in stores))
        again = await upkeep_tick(app.state.broadcast, stores[0], settings, tick)
    finally:
        for kv in stores:
            await kv.close()
    assert sum(result is not None for result in results) == 1 and again is None
    assert not (await DeviceIdentity.get(device_id=tv.device.id)).online


async def test_commands_past_their_ttl_expire_and_history_pages(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    short = await send(gql, admin, tv, "SCREENSHOT", ttl=60)
    lasting = await send(gql, admin, tv, "RELOAD")
    newest = await send(gql, admin, tv, "REBOOT", ttl=120)
    async with tenant_scope(tenant_id):
        short_row = await DeviceCommand.get(id=pk(short))
        lasting_row = await DeviceCommand.get(id=pk(lasting))
    assert (await DeviceIdentity.get(device_id=tv.device.id)).commands_due_at == short_row.expires_at

    async with tenant_feed(app, tenant_id) as feed:
        await expire_due_commands(app.state.broadcast, now=short_row.expires_at + timedelta(seconds=1))
        event = (await device_events(feed, tv.device.id, "COMMAND_EXPIRED"))["COMMAND_EXPIRED"]
    assert event["detail"]["commandId"] == short_row.id
    async with tenant_scope(tenant_id):
        statuses = {row.id: row.status for row in await DeviceCommand.filter(device_id=tv.device.id)}
    assert statuses == {
        short_row.id: CommandStatus.EXPIRED,
        lasting_row.id: CommandStatus.PENDING,
        pk(newest): CommandStatus.PENDING,
    }
    newest_row_due = (await DeviceIdentity.get(device_id=tv.device.id)).commands_due_at
    async with tenant_scope(tenant_id):
        assert newest_row_due == (await DeviceCommand.get(id=pk(newest))).expires_at

    late = {"input": {"commandId": short, "success": True}}
    answered = await gql.op("AcknowledgeDeviceCommand", late, headers=tv.headers)
    assert answered["data"]["acknowledgeDeviceCommand"]["command"]["status"] == "EXPIRED"
    assert [e["code"] for e in answered["data"]["acknowledgeDeviceCommand"]["userErrors"]] == ["EXPIRED"]

    first = (await gql(HISTORY, {"id": tv.gid}, actor=admin))["data"]["node"]["commands"]
    assert [e["node"]["id"] for e in first["edges"]] == [newest, lasting]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await gql(HISTORY, {"id": tv.gid, "after": first["pageInfo"]["endCursor"]}, actor=admin)
    page = rest["data"]["node"]["commands"]
    assert [e["node"] for e in page["edges"]] == [
        {"id": short, "kind": "SCREENSHOT", "status": "EXPIRED", "detail": "not acknowledged in time"}
    ]
    assert page["pageInfo"]["hasNextPage"] is False
    stranger = await factory.member(role=Role.OWNER)
    assert (await gql(HISTORY, {"id": tv.gid}, actor=stranger))["data"]["node"] is None


async def test_command_ttl_is_validated(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    for ttl in (0, 59, 7 * 24 * 3600 + 1):
        body = {"input": {"deviceId": tv.gid, "kind": "RELOAD", "ttlSeconds": ttl}}
        result = await gql.op("SendDeviceCommand", body, actor=admin)
        assert [(e["field"], e["code"]) for e in result["data"]["sendDeviceCommand"]["userErrors"]] == [
            (["ttlSeconds"], "OUT_OF_RANGE")
        ]
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=tv.device.id).count() == 0


async def test_missing_role_commands_with_a_ttl_and_their_history_are_for_admins_and_members(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    command_id = await send(gql, admin, tv, "SCREENSHOT", ttl=60)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    async with unchanged(owner_db, admin):
        body = {"input": {"deviceId": tv.gid, "kind": "RELOAD", "ttlSeconds": 60}}
        for headers, code in ((editor.headers(), "FORBIDDEN"), (tv.headers, "FORBIDDEN"), ({}, "UNAUTHENTICATED")):
            refused = await gql.op("SendDeviceCommand", body, headers=headers)
            assert error_codes(refused) == [code] and refused["data"] is None, refused
        own = await gql(HISTORY, {"id": tv.gid}, headers=tv.headers)  # the history is for members, not the device
        assert error_codes(own) == ["FORBIDDEN"] and own["data"] == {"node": {"commands": None}}
        assert (await gql(HISTORY, {"id": tv.gid}))["data"] == {"node": None}
        history = (await gql(HISTORY, {"id": tv.gid}, actor=editor))["data"]["node"]["commands"]
        assert [e["node"]["id"] for e in history["edges"]] == [command_id]
    async with tenant_scope(admin.tenant.id):
        assert [row.kind.value for row in await DeviceCommand.filter(device_id=tv.device.id)] == ["SCREENSHOT"]


async def test_cross_tenant_another_synagogue_learns_nothing_of_a_sweep(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    command_id = await send(gql, admin, tv, "SCREENSHOT", ttl=60)
    body = {"input": {"deviceId": tv.gid, "kind": "RELOAD", "ttlSeconds": 60}}
    async with unchanged(owner_db, admin, stranger):
        foreign = await gql.op("SendDeviceCommand", body, actor=stranger)
        assert [e["code"] for e in foreign["data"]["sendDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]
    async with tenant_scope(admin.tenant.id):
        row = await DeviceCommand.get(id=pk(command_id))

    async with tenant_feed(app, stranger.tenant.id) as feed:
        await expire_due_commands(app.state.broadcast, now=row.expires_at + timedelta(seconds=1))
        await tenant_event(app.state.broadcast, stranger.tenant.id, "ALERT", marker=True)
        heard: list[dict[str, Any]] = []
        async with asyncio.timeout(30):
            while (event := await feed.get())["detail"] != {"marker": True}:
                heard.append(event)
    assert [e for e in heard if e["deviceId"] == tv.device.id] == []
    async with tenant_scope(admin.tenant.id):
        rows = await DeviceCommand.filter(device_id=tv.device.id)
    assert [(r.id, r.status) for r in rows] == [(row.id, CommandStatus.EXPIRED)]  # no RELOAD of the stranger's

    async with unchanged(owner_db, admin, stranger):
        missing = {"Device": to_global_id("Device", 10**9), "DeviceCommand": to_global_id("DeviceCommand", 10**9)}
        node = "query($id: ID!) { node(id: $id) { id ... on DeviceCommand { status } } }"
        for query, gid, ghost in ((HISTORY, tv.gid, missing["Device"]), (node, command_id, missing["DeviceCommand"])):
            seen = await gql(query, {"id": gid}, actor=stranger)
            assert seen["data"] == {"node": None}
            assert answer(seen) == answer(await gql(query, {"id": ghost}, actor=stranger))
        named = await gql(HISTORY, {"id": tv.gid}, actor=stranger, tenant=admin.tenant)
        unknown_synagogue = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        nowhere = await gql(HISTORY, {"id": tv.gid}, actor=stranger, headers=unknown_synagogue)
        assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(nowhere)


async def test_a_command_past_its_ttl_is_never_delivered_and_its_expiry_is_always_announced(
    app: Any, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    outdated, current = await send(gql, admin, tv, "SCREENSHOT", ttl=60), await send(gql, admin, tv, "RELOAD")
    async with tenant_scope(tenant_id):
        row = await DeviceCommand.get(id=pk(outdated))
        later = row.expires_at + timedelta(seconds=1)
        assert [c.id for c in await open_commands(tv.device.id, now=later)] == [pk(current)]  # a reconnect
        assert (await DeviceCommand.get(id=row.id)).status == CommandStatus.PENDING  # left to the sweep
    async with tenant_feed(app, tenant_id) as feed:
        await expire_due_commands(app.state.broadcast, now=later)
        event = (await device_events(feed, tv.device.id, "COMMAND_EXPIRED"))["COMMAND_EXPIRED"]
    assert event["detail"] == {"commandId": row.id, "commandKind": "SCREENSHOT"}
    async with tenant_scope(tenant_id):
        assert (await DeviceCommand.get(id=row.id)).status == CommandStatus.EXPIRED
