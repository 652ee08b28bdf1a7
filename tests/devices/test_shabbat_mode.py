"""Shabbat mode and device commands: from the synagogue's candle lighting to its havdalah (its own times, a holiday
override included) a command other than RELOAD is held, not delivered, and released after havdalah by the outbox;
RELOAD (what a screen needs to keep showing) and synagogues without Shabbat mode are not held. The clock is pinned to
a Friday evening ahead (2030-03-22 in New York: candles 18:52, havdalah on Shabbat 19:52, by hebcal's rules)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import asyncpg

from models.base import tenant_scope
from models.content import HolidayOverride
from models.devices import DeviceCommand
from models.identity import Role
from services.devices.commands import open_commands
from services.infra import clock
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.graphql import GQL, pk, user_errors
from tests.support.outbox import run_due
from tests.support.snapshot import unchanged

NEW_YORK = ZoneInfo("America/New_York")
FRIDAY_NIGHT = datetime(2030, 3, 22, 20, 0, tzinfo=NEW_YORK)
HAVDALAH = datetime(2030, 3, 23, 19, 52, tzinfo=NEW_YORK)
SEND = """mutation($input: SendDeviceCommandInput!) {
  sendDeviceCommand(input: $input) { command { id kind status heldUntil } userErrors { code } }
}"""


async def _send(gql: GQL, admin: Actor, device: str, kind: str) -> dict[str, object]:
    result = await gql(SEND, {"input": {"deviceId": device, "kind": kind}}, actor=admin)
    assert user_errors(result, "sendDeviceCommand") == [], result
    command: dict[str, object] = result["data"]["sendDeviceCommand"]["command"]
    return command


async def test_commands_wait_for_havdalah_except_reload(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    tv = await make_tv(tenant)
    with clock.pinned(FRIDAY_NIGHT):
        reboot = await _send(gql, admin, tv.gid, "REBOOT")
        reload = await _send(gql, admin, tv.gid, "RELOAD")
    assert datetime.fromisoformat(str(reboot["heldUntil"])) == HAVDALAH and reload["heldUntil"] is None
    async with tenant_scope(tenant.id):
        assert [c.id for c in await open_commands(tv.device.id)] == [pk(str(reload["id"]))]
        held = await DeviceCommand.get(id=pk(str(reboot["id"])))
    assert held.expires_at > HAVDALAH  # its time to live counts from havdalah
    release = "SELECT id, run_after FROM job WHERE kind = 'device_commands.release' AND tenant_id = $1"
    job = await owner_db.fetchrow(release, tenant.id)
    assert job is not None and abs((job["run_after"] - HAVDALAH).total_seconds()) < 5

    with clock.pinned(datetime(2030, 3, 23, 20, 0, tzinfo=NEW_YORK)):  # after havdalah: sent at once
        assert (await _send(gql, admin, tv.gid, "REBOOT"))["heldUntil"] is None
    async with tenant_scope(tenant.id):  # havdalah came: the row is due, and the release job runs
        await DeviceCommand.filter(id=held.id).update(held_until=datetime(2020, 1, 1, tzinfo=NEW_YORK))
    await run_due(owner_db, job["id"])
    assert (await owner_db.fetchrow("SELECT status FROM job WHERE id = $1", job["id"]))["status"] == "DONE"
    async with tenant_scope(tenant.id):
        assert held.id in [c.id for c in await open_commands(tv.device.id)]


async def test_the_synagogues_own_havdalah_and_shabbat_mode_off(gql: GQL, factory: Factory) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    tv = await make_tv(tenant)
    await make(tenant.id, HolidayOverride, date=date(2030, 3, 23), kind="HAVDALAH", time=time(20, 30))
    with clock.pinned(FRIDAY_NIGHT):
        held = await _send(gql, admin, tv.gid, "REBOOT")
    assert datetime.fromisoformat(str(held["heldUntil"])) == datetime(2030, 3, 23, 20, 30, tzinfo=NEW_YORK)

    off = await factory.tenant(shabbat_mode=False)
    admin_off = await factory.member(tenant=off, role=Role.ADMIN)
    tv_off = await make_tv(off)
    with clock.pinned(FRIDAY_NIGHT):
        assert (await _send(gql, admin_off, tv_off.gid, "REBOOT"))["heldUntil"] is None


async def test_shabbat_mode_cross_tenant_a_held_command_names_no_foreign_device(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.tenant(shabbat_mode=True)
    outsider = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.ADMIN)
    tv = await make_tv(victim)
    with clock.pinned(FRIDAY_NIGHT):
        async with unchanged(owner_db, victim, outsider):
            result = await gql(SEND, {"input": {"deviceId": tv.gid, "kind": "REBOOT"}}, actor=outsider)
        assert [e["code"] for e in user_errors(result, "sendDeviceCommand")] == ["NOT_FOUND"]


async def test_shabbat_mode_missing_role_an_editor_cannot_send_even_a_held_command(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    tv = await make_tv(tenant)
    with clock.pinned(FRIDAY_NIGHT):
        async with unchanged(owner_db, editor):
            result = await gql(SEND, {"input": {"deviceId": tv.gid, "kind": "REBOOT"}}, actor=editor)
        assert [e["extensions"]["code"] for e in result["errors"]] == ["FORBIDDEN"]
