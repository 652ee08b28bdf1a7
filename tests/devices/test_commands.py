"""Device commands over HTTP: rows first, batches with per-device results, idempotent acknowledgements."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from models.base import tenant_scope
from models.devices import CommandStatus, DeviceCommand, DeviceIdentity
from models.identity import Role
from services.devices.commands import expire_due_commands
from services.infra.ids import from_global_id, to_global_id
from subscriptions.events import tenant_event
from tests.support.actors import Factory
from tests.support.database import OWNER_URL
from tests.support.devices import TV, make_tv
from tests.support.events import tenant_feed
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged
from tests.support.waiting import wait_until

BATCH = """
mutation($input: SendDeviceCommandsInput!) {
  sendDeviceCommands(input: $input) {
    batchId
    results { deviceId command { id kind status } userErrors { field code } }
    userErrors { field code }
  }
}"""

HISTORY = """
query($id: ID!) {
  node(id: $id) { ... on Device { commands(first: 10) { totalCount edges { node { kind status } } } } }
}"""


async def test_send_command_writes_a_pending_row(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    result = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "RELOAD"}}, actor=admin)
    command = result["data"]["sendDeviceCommand"]["command"]
    assert command["kind"] == "RELOAD" and command["status"] == "PENDING", result
    async with tenant_scope(admin.tenant.id):
        rows = await DeviceCommand.filter(device_id=tv.device.id)
    assert [(r.kind.value, r.status) for r in rows] == [("RELOAD", CommandStatus.PENDING)]


async def test_cross_tenant_send_command_validates_and_refuses_foreign_devices(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    stranger = await factory.member(role=Role.OWNER)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    bad = {"deviceId": tv.gid, "kind": "SET_BRIGHTNESS", "payload": {"level": 400}}
    async with unchanged(owner_db, admin, stranger):
        result = await gql.op("SendDeviceCommand", {"input": bad}, actor=admin)
        assert [e["code"] for e in result["data"]["sendDeviceCommand"]["userErrors"]] == ["OUT_OF_RANGE"]
        foreign = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "REBOOT"}}, actor=stranger)
        assert [e["code"] for e in foreign["data"]["sendDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]
        missing = to_global_id("Device", 10**9)
        ghost = await gql.op("SendDeviceCommand", {"input": {"deviceId": missing, "kind": "REBOOT"}}, actor=stranger)
        assert ghost["data"]["sendDeviceCommand"]["userErrors"] == foreign["data"]["sendDeviceCommand"]["userErrors"]
        assert error_codes(
            await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "RELOAD"}}, actor=editor)
        ) == ["FORBIDDEN"]
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=tv.device.id).count() == 0


async def test_batch_command_gives_a_result_per_device(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member()
    group = f"hall-{datetime.now(UTC).microsecond}"
    a = await make_tv(admin.tenant, "A", group=group)
    b = await make_tv(admin.tenant, "B", group=group)
    c = await make_tv(admin.tenant, "C")
    foreign = await make_tv(stranger.tenant, "F", group=group)
    variables = {"input": {"kind": "RELOAD", "deviceIds": [c.gid, foreign.gid], "group": group}}
    result = await gql(BATCH, variables, actor=admin)
    payload = result["data"]["sendDeviceCommands"]
    by_device = {r["deviceId"]: r for r in payload["results"]}
    assert set(by_device) == {a.gid, b.gid, c.gid, foreign.gid}
    for tv in (a, b, c):
        assert by_device[tv.gid]["command"]["status"] == "PENDING"
    assert by_device[foreign.gid]["command"] is None
    assert [e["code"] for e in by_device[foreign.gid]["userErrors"]] == ["NOT_FOUND"]
    async with tenant_scope(stranger.tenant.id):
        assert await DeviceCommand.filter(device_id=foreign.device.id).count() == 0
    async with tenant_scope(admin.tenant.id):
        batch = await DeviceCommand.filter(batch_id=payload["batchId"]).count()
    assert batch == 3


async def test_acknowledgement_is_idempotent_and_only_for_the_own_device(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    other = await make_tv(admin.tenant)
    sent = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "REBOOT"}}, actor=admin)
    command_id = sent["data"]["sendDeviceCommand"]["command"]["id"]

    by_other = await gql.op(
        "AcknowledgeDeviceCommand", {"input": {"commandId": command_id, "success": True}}, headers=other.headers
    )
    assert [e["code"] for e in by_other["data"]["acknowledgeDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]

    ack = {"input": {"commandId": command_id, "success": True, "detail": "done"}}
    first = await gql.op("AcknowledgeDeviceCommand", ack, headers=tv.headers)
    assert first["data"]["acknowledgeDeviceCommand"]["command"] == {"id": command_id, "status": "ACKNOWLEDGED"}
    failed = {"input": {"commandId": command_id, "success": False}}
    again = await gql.op("AcknowledgeDeviceCommand", failed, headers=tv.headers)
    assert again["data"]["acknowledgeDeviceCommand"]["command"]["status"] == "ACKNOWLEDGED"
    assert again["data"]["acknowledgeDeviceCommand"]["userErrors"] == []

    history = await gql(HISTORY, {"id": tv.gid}, actor=admin)
    commands = history["data"]["node"]["commands"]
    assert commands["totalCount"] == 1 and commands["edges"][0]["node"] == {
        "kind": "REBOOT",
        "status": "ACKNOWLEDGED",
    }


async def test_update_app_carries_the_release_and_the_reported_version_closes_it(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    version = f"50.{datetime.now(UTC).microsecond}.1"
    publish = """mutation($input: PublishSoftwareReleaseInput!) {
      publishSoftwareRelease(input: $input) { release { version } userErrors { code } } }"""
    release = {"version": version, "channel": "STABLE", "url": "https://dl.example.org/a.apk", "checksum": "b" * 64}
    assert (await gql(publish, {"input": release}, actor=platform))["data"]["publishSoftwareRelease"]["release"]
    sent = await gql.op(
        "SendDeviceCommand",
        {"input": {"deviceId": tv.gid, "kind": "UPDATE_APP", "payload": {"version": version}}},
        actor=admin,
    )
    command_id = sent["data"]["sendDeviceCommand"]["command"]["id"]
    async with tenant_scope(admin.tenant.id):
        row = await DeviceCommand.get(device_id=tv.device.id)
    assert row.payload["release"] == {
        "version": version,
        "channel": "STABLE",
        "url": "https://dl.example.org/a.apk",
        "checksum": "b" * 64,
    }
    unknown = {"input": {"deviceId": tv.gid, "kind": "UPDATE_APP", "payload": {"version": "0.0.0-nope"}}}
    missing = await gql.op("SendDeviceCommand", unknown, actor=admin)
    assert [e["code"] for e in missing["data"]["sendDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]

    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": version}}, headers=tv.headers)
    status = await gql(
        "query($id: ID!) { node(id: $id) { ... on DeviceCommand { status } } }", {"id": command_id}, actor=admin
    )
    assert status["data"]["node"]["status"] == "ACKNOWLEDGED"


async def test_missing_role_batch_command_needs_an_admin_and_reports_each_refusal(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    live = await make_tv(admin.tenant, "Live")
    gone = await make_tv(admin.tenant, "Gone")
    assert (await gql.op("RevokeDevice", {"id": gone.gid}, actor=admin))["data"]["revokeDevice"]["userErrors"] == []
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    request = {"input": {"kind": "SET_BRIGHTNESS", "deviceIds": [live.gid, gone.gid], "payload": {"level": 30}}}
    async with unchanged(owner_db, admin):
        assert error_codes(await gql(BATCH, request, actor=editor)) == ["FORBIDDEN"]
        assert error_codes(await gql(BATCH, request, headers=live.headers)) == ["FORBIDDEN"]

    payload = (await gql(BATCH, request, actor=admin))["data"]["sendDeviceCommands"]
    results = {r["deviceId"]: r for r in payload["results"]}
    assert results[live.gid]["command"]["status"] == "PENDING" and results[live.gid]["userErrors"] == []
    assert results[gone.gid]["command"] is None
    assert [e["code"] for e in results[gone.gid]["userErrors"]] == ["INVALID"]
    empty = await gql(BATCH, {"input": {"kind": "RELOAD"}}, actor=admin)
    assert [e["code"] for e in empty["data"]["sendDeviceCommands"]["userErrors"]] == ["REQUIRED"]
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=live.device.id).count() == 1
        assert await DeviceCommand.filter(device_id=gone.device.id).count() == 0


async def _outdated(gql: GQL, admin: Any, tv: TV, kind: str = "RELOAD") -> tuple[str, int]:
    """A command sent to `tv` whose time to live is over, not yet swept."""
    sent = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": kind}}, actor=admin)
    command_id: str = sent["data"]["sendDeviceCommand"]["command"]["id"]
    parsed = from_global_id(command_id)
    assert parsed is not None
    past = datetime.now(UTC) - timedelta(seconds=1)
    async with tenant_scope(admin.tenant.id):
        await DeviceCommand.filter(id=parsed[1]).update(expires_at=past)
    await DeviceIdentity.filter(device_id=tv.device.id).update(commands_due_at=past)  # due for the sweep
    return command_id, parsed[1]


async def _expiries(app: Any, feed: asyncio.Queue[dict[str, Any]], tenant_id: int) -> list[int]:
    """The command ids announced COMMAND_EXPIRED on the feed so far (a marker event closes the reading)."""
    await tenant_event(app.state.broadcast, tenant_id, "ALERT", marker=True)
    expired: list[int] = []
    async with asyncio.timeout(30):
        while (event := await feed.get())["detail"] != {"marker": True}:
            if event["kind"] == "COMMAND_EXPIRED":
                expired.append(event["detail"]["commandId"])
    return expired


async def test_an_answer_after_the_ttl_is_refused_and_expires_the_command_once(
    app: Any, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    late_id, late_pk = await _outdated(gql, admin, tv)
    failed_id, failed_pk = await _outdated(gql, admin, tv, "REBOOT")

    async with tenant_feed(app, tenant_id) as feed:
        for command_id, success in ((late_id, True), (failed_id, False), (late_id, True)):
            answer = {"input": {"commandId": command_id, "success": success, "detail": "done"}}
            result = (await gql.op("AcknowledgeDeviceCommand", answer, headers=tv.headers))["data"]
            payload = result["acknowledgeDeviceCommand"]
            assert payload["command"] == {"id": command_id, "status": "EXPIRED"}, result
            assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(["commandId"], "EXPIRED")]
        await expire_due_commands(app.state.broadcast)  # the sweep comes by afterwards
        assert sorted(await _expiries(app, feed, tenant_id)) == [late_pk, failed_pk]  # once each, none by the sweep

    async with tenant_scope(tenant_id):
        rows = {row.id: row for row in await DeviceCommand.filter(device_id=tv.device.id)}
    assert {pk: (row.status, row.detail) for pk, row in rows.items()} == {
        late_pk: (CommandStatus.EXPIRED, "not acknowledged in time"),
        failed_pk: (CommandStatus.EXPIRED, "not acknowledged in time"),
    }
    assert all(row.completed_at is not None for row in rows.values())

    stranger = await make_tv(await factory.tenant())
    foreign = {"input": {"commandId": late_id, "success": True}}
    by_stranger = await gql.op("AcknowledgeDeviceCommand", foreign, headers=stranger.headers)
    assert [e["code"] for e in by_stranger["data"]["acknowledgeDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]
    assert error_codes(await gql.op("AcknowledgeDeviceCommand", foreign, actor=admin)) == ["FORBIDDEN"]


WAITING_ON_LOCK = (
    "SELECT count(*) FROM pg_stat_activity WHERE usename = 'shulgraph_app' AND datname = current_database() "
    "AND wait_event_type = 'Lock'"
)


@pytest.mark.parametrize("first", ["answer", "sweep"])
async def test_a_late_answer_racing_the_sweep_expires_the_command_exactly_once(
    app: Any, gql: GQL, factory: Factory, first: str
) -> None:
    """The command row is held locked while the answer and the sweep queue up behind it in a set order;
    whichever goes first expires the command, and the other neither changes nor announces it again."""
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tv = await make_tv(admin.tenant)
    command_id, pk = await _outdated(gql, admin, tv)
    answer = {"input": {"commandId": command_id, "success": True}}

    locker, watcher = await asyncpg.connect(OWNER_URL), await asyncpg.connect(OWNER_URL)
    try:
        async with tenant_feed(app, tenant_id) as feed:

            async def queued(waiting: int) -> None:
                async def enough() -> bool:
                    return bool(await watcher.fetchval(WAITING_ON_LOCK) >= waiting)

                await wait_until(enough, f"{waiting} waiting on the command's row lock", timeout=30)

            await locker.execute("BEGIN")
            await locker.execute("SELECT 1 FROM device_command WHERE id = $1 FOR UPDATE", pk)
            starts: dict[str, Callable[[], Coroutine[Any, Any, Any]]] = {
                "answer": lambda: gql.op("AcknowledgeDeviceCommand", answer, headers=tv.headers),
                "sweep": lambda: expire_due_commands(app.state.broadcast),
            }
            second = "sweep" if first == "answer" else "answer"
            tasks = {first: asyncio.create_task(starts[first]())}
            await queued(1)
            tasks[second] = asyncio.create_task(starts[second]())
            await queued(2)
            await locker.execute("COMMIT")
            answered = await tasks["answer"]
            await tasks["sweep"]
            assert await _expiries(app, feed, tenant_id) == [pk]
    finally:
        for conn in (locker, watcher):
            await conn.close()
    payload = answered["data"]["acknowledgeDeviceCommand"]
    assert payload["command"] == {"id": command_id, "status": "EXPIRED"}
    assert [e["code"] for e in payload["userErrors"]] == ["EXPIRED"]
    async with tenant_scope(tenant_id):
        assert (await DeviceCommand.get(id=pk)).status == CommandStatus.EXPIRED
