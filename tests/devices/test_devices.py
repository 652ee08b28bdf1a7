"""Devices over HTTP: the fleet list, status from heartbeats, settings, revocation, releases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

import luach
from models.base import tenant_scope
from models.content import Memorial
from models.devices import DeviceHeartbeat, DeviceIdentity
from models.identity import Role
from services.devices.registry import sweep_offline
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, app_of, error_codes
from tests.support.snapshot import unchanged
from tests.support.statements import count_statements

SETTINGS = """
mutation($input: UpdateDeviceSettingsInput!) {
  updateDeviceSettings(input: $input) {
    settings { orientation brightness nightStart nightEnd panels { panel seconds }
               contentOverrides { hiddenSections maxMessages } }
    userErrors { field code }
  }
}"""


async def test_devices_lists_own_tenant_only_with_status(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    other = await factory.member(role=Role.OWNER)
    mine = await make_tv(viewer.tenant, "Mine")
    await make_tv(other.tenant, "Theirs")
    result = await gql.op("Devices", actor=viewer)
    assert "errors" not in result, result
    nodes = [e["node"] for e in result["data"]["devices"]["edges"]]
    assert [(n["id"], n["name"], n["status"]) for n in nodes] == [(mine.gid, "Mine", "NEVER_SEEN")]
    assert result["data"]["devices"]["totalCount"] == 1


async def test_missing_role_devices_needs_a_member(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    async with unchanged(owner_db, tenant):
        assert error_codes(await gql.op("Devices")) == ["UNAUTHENTICATED"]
        assert error_codes(await gql.op("Devices", headers=tv.headers)) == ["FORBIDDEN"]


async def test_T1_cross_tenant_node_of_a_foreign_device_is_null(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member()
    b = await factory.member()
    theirs = await make_tv(b.tenant)
    other_tv = await make_tv(b.tenant)
    query = "query($id: ID!) { node(id: $id) { id ... on Device { name } } }"
    async with unchanged(owner_db, a, b):
        foreign = await gql(query, {"id": theirs.gid}, actor=a)
        assert foreign["data"]["node"] is None
        assert answer(foreign) == answer(await gql(query, {"id": to_global_id("Device", 10**9)}, actor=a))
        assert (await gql(query, {"id": theirs.gid}, actor=b))["data"]["node"]["name"] == theirs.device.name
        assert (await gql(query, {"id": other_tv.gid}, headers=theirs.headers))["data"]["node"] is None


async def test_heartbeat_stores_the_series_and_makes_the_device_online(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    beat = {"cpu": 12.5, "memory": 40, "temperature": 51, "uptimeSeconds": 3600, "appVersion": "2.1.0"}
    result = await gql.op("ReportDeviceHeartbeat", {"input": beat}, headers=tv.headers)
    assert result["data"]["reportDeviceHeartbeat"]["ok"] is True, result
    assert datetime.fromisoformat(result["data"]["reportDeviceHeartbeat"]["serverTime"]) <= datetime.now(UTC)
    async with tenant_scope(admin.tenant.id):
        rows = await DeviceHeartbeat.filter(device_id=tv.device.id)
    assert [(r.cpu, r.memory, r.temperature, r.uptime_seconds) for r in rows] == [(12.5, 40, 51, 3600)]
    node = (await gql.op("Devices", actor=admin))["data"]["devices"]["edges"][0]["node"]
    assert node["status"] == "ONLINE" and node["appVersion"] == "2.1.0" and node["lastSeenAt"]

    long_ago = datetime.now(UTC) - timedelta(minutes=5)
    await DeviceIdentity.filter(device_id=tv.device.id).update(last_seen_at=long_ago)
    node = (await gql.op("Devices", actor=admin))["data"]["devices"]["edges"][0]["node"]
    assert node["status"] == "OFFLINE"
    await sweep_offline(admin_broadcast(gql))  # the process's own sweep may have been first
    assert not (await DeviceIdentity.get(device_id=tv.device.id)).online


def admin_broadcast(gql: GQL) -> Any:
    return app_of(gql.http).state.broadcast


async def test_heartbeat_is_for_devices_only(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    result = await gql.op("ReportDeviceHeartbeat", {"input": {"cpu": 1}}, actor=admin)
    assert error_codes(result) == ["FORBIDDEN"]
    assert error_codes(await gql.op("ReportDeviceHeartbeat", {"input": {}})) == ["UNAUTHENTICATED"]


async def test_revoke_device_kills_its_token(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    assert "errors" not in await gql.op("Screen", headers=tv.headers)
    result = await gql.op("RevokeDevice", {"id": tv.gid}, actor=admin)
    assert result["data"]["revokeDevice"]["device"] == {"id": tv.gid, "status": "REVOKED"}, result
    assert error_codes(await gql.op("Screen", headers=tv.headers)) == ["UNAUTHENTICATED"]


async def test_screen_shows_this_weeks_yahrzeits(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    civil = datetime.now(ZoneInfo(admin.tenant.timezone)).date()
    for day in (civil, civil + timedelta(days=1)):  # a light burns from the sunset before: one of the two is lit
        hebrew = luach.HebrewDate.from_civil(day)
        death = {"hebrew_year": hebrew.year - 19, "hebrew_month": hebrew.month.value, "hebrew_day": hebrew.day}
        await make(admin.tenant.id, Memorial, name="Yosef", hebrew_name="יוסף בן יעקב", plaque="B2", **death)
    tv = await make_tv(admin.tenant)
    result = await gql.op("Screen", headers=tv.headers)
    assert "errors" not in result, result
    shown = result["data"]["screen"]["yahrzeits"]
    assert [(y["name"], y["hebrewName"], y["plaque"]) for y in shown] == [("Yosef", "יוסף בן יעקב", "B2")]


async def test_revoke_device_needs_admin_and_own_tenant(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tv = await make_tv(editor.tenant)
    assert error_codes(await gql.op("RevokeDevice", {"id": tv.gid}, actor=editor)) == ["FORBIDDEN"]
    stranger = await factory.member(role=Role.OWNER)
    foreign = await gql.op("RevokeDevice", {"id": tv.gid}, actor=stranger)
    assert [e["code"] for e in foreign["data"]["revokeDevice"]["userErrors"]] == ["NOT_FOUND"]
    assert "errors" not in await gql.op("Screen", headers=tv.headers)


async def test_device_settings_are_validated_and_saved(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tv = await make_tv(editor.tenant)
    bad = await gql(SETTINGS, {"input": {"deviceId": tv.gid, "brightness": 140, "nightStart": "22:00"}}, actor=editor)
    codes = {(tuple(e["field"]), e["code"]) for e in bad["data"]["updateDeviceSettings"]["userErrors"]}
    assert codes == {(("brightness",), "OUT_OF_RANGE"), (("nightEnd",), "REQUIRED")}
    good = {
        "deviceId": tv.gid,
        "orientation": "PORTRAIT",
        "brightness": 70,
        "nightStart": "23:00",
        "nightEnd": "06:00",
        "panels": [{"panel": "ZMANIM", "seconds": 20}, {"panel": "MESSAGES", "seconds": 10}],
        "contentOverrides": {"hiddenSections": ["YAHRZEITS"], "maxMessages": 3},
    }
    saved = await gql(SETTINGS, {"input": good}, actor=editor)
    settings = saved["data"]["updateDeviceSettings"]["settings"]
    assert settings["orientation"] == "PORTRAIT" and settings["nightStart"] == "23:00"
    assert settings["panels"] == [{"panel": "ZMANIM", "seconds": 20}, {"panel": "MESSAGES", "seconds": 10}]
    assert settings["contentOverrides"] == {"hiddenSections": ["YAHRZEITS"], "maxMessages": 3}
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    assert error_codes(await gql(SETTINGS, {"input": good}, actor=viewer)) == ["FORBIDDEN"]
    stranger = await factory.member(role=Role.OWNER)
    foreign = await gql(SETTINGS, {"input": good}, actor=stranger)
    assert [e["code"] for e in foreign["data"]["updateDeviceSettings"]["userErrors"]] == ["NOT_FOUND"]


RELEASE = """
mutation($input: PublishSoftwareReleaseInput!) {
  publishSoftwareRelease(input: $input) { release { id version channel } userErrors { field code } }
}"""


async def test_releases_catalogue_and_channel_pinning(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    owner = await factory.member(role=Role.OWNER)
    version = f"9.{datetime.now(UTC).microsecond}.0"
    release = {"version": version, "channel": "BETA", "url": "https://dl.example.org/tv.apk", "checksum": "a" * 64}
    refused = await gql(RELEASE, {"input": release}, actor=owner)
    assert error_codes(refused) == ["FORBIDDEN"]
    published = await gql(RELEASE, {"input": release}, actor=platform)
    assert published["data"]["publishSoftwareRelease"]["release"]["version"] == version, published
    bad = await gql(RELEASE, {"input": {**release, "url": "http://x", "checksum": "zz"}}, actor=platform)
    assert {e["field"][0] for e in bad["data"]["publishSoftwareRelease"]["userErrors"]} == {"url", "checksum"}

    pin = "mutation { setReleaseChannel(input: {channel: BETA}) { channel userErrors { code } } }"
    assert (await gql(pin, actor=owner))["data"]["setReleaseChannel"]["channel"] == "BETA"
    tv = await make_tv(owner.tenant)
    available = await gql("{ releaseChannel availableRelease { version channel } }", headers=tv.headers)
    assert available["data"]["releaseChannel"] == "BETA"
    assert available["data"]["availableRelease"]["channel"] == "BETA"


async def test_a_devices_content_overrides_shape_its_own_screen_only(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    narrowed = await make_tv(admin.tenant, "Narrowed")
    full = await make_tv(admin.tenant, "Full")
    for title in ("One", "Two", "Three"):
        created = await gql.op("CreateMessage", {"input": {"title": title}}, actor=admin)
        assert created["data"]["createMessage"]["userErrors"] == [], created
    unknown = {"deviceId": narrowed.gid, "contentOverrides": {"zmanimKeys": ["sunrise", "teatime"]}}
    refused = await gql(SETTINGS, {"input": unknown}, actor=admin)
    assert refused["data"]["updateDeviceSettings"]["userErrors"] == [
        {"field": ["contentOverrides", "zmanimKeys"], "code": "INVALID"}
    ]
    overrides = {"zmanimKeys": ["sunrise", "sunset"], "maxMessages": 1, "hiddenSections": ["CLASSES"]}
    saved = await gql(SETTINGS, {"input": {"deviceId": narrowed.gid, "contentOverrides": overrides}}, actor=admin)
    assert saved["data"]["updateDeviceSettings"]["userErrors"] == [], saved

    screen = (
        "query { screen { version zmanim { key } messages { title } settings { contentOverrides { zmanimKeys } } } }"
    )
    mine = (await gql(screen, headers=narrowed.headers))["data"]["screen"]
    theirs = (await gql(screen, headers=full.headers))["data"]["screen"]
    assert [z["key"] for z in mine["zmanim"]] == ["sunrise", "sunset"]
    assert len(mine["messages"]) == 1 and mine["settings"]["contentOverrides"]["zmanimKeys"] == ["sunrise", "sunset"]
    assert len(theirs["messages"]) == 3 and len(theirs["zmanim"]) > 2
    assert mine["version"] != theirs["version"]


async def test_the_fleet_list_reads_settings_and_status_in_a_fixed_number_of_statements(
    gql: GQL, factory: Factory
) -> None:
    query = "{ devices(first: 50) { edges { node { status lastSeenAt settings { orientation panels { panel } } } } } }"
    costs = []
    for size in (2, 12):
        admin = await factory.member(role=Role.ADMIN)
        tvs = [await make_tv(admin.tenant, f"TV {i}") for i in range(size)]
        portrait = {"deviceId": tvs[0].gid, "orientation": "PORTRAIT"}
        assert (await gql(SETTINGS, {"input": portrait}, actor=admin))["data"]["updateDeviceSettings"][
            "userErrors"
        ] == []
        with count_statements() as statements:
            result = await gql(query, actor=admin)
        nodes = [e["node"] for e in result["data"]["devices"]["edges"]]
        assert [n["settings"]["orientation"] for n in nodes] == ["PORTRAIT"] + ["LANDSCAPE"] * (size - 1)
        costs.append(len(statements))
    assert costs[0] == costs[1]
