"""Software releases: the platform's catalogue, a synagogue's channel, UPDATE_APP and the reported version."""

from __future__ import annotations

import time
from typing import Any

import asyncpg

from models.base import tenant_scope
from models.devices import DeviceCommand
from models.identity import Role
from services.devices.commands import version_key
from services.infra.ids import to_global_id
from tests.support.actors import Factory, PlatformAdmin
from tests.support.devices import make_tv
from tests.support.events import device_events, tenant_feed
from tests.support.graphql import GQL, answer, error_codes, pk
from tests.support.snapshot import unchanged

PUBLISH = """
mutation($input: PublishSoftwareReleaseInput!) {
  publishSoftwareRelease(input: $input) { release { id version channel url checksum } userErrors { field code } }
}"""
PIN = "mutation($c: ReleaseChannel!) { setReleaseChannel(input: {channel: $c}) { channel userErrors { code } } }"
FLEET = "{ releaseChannel devices(first: 10) { edges { node { appVersion upToDate targetRelease { version } } } } }"
COMMAND = "query($id: ID!) { node(id: $id) { ... on DeviceCommand { status detail payload } } }"


async def publish(gql: GQL, platform: PlatformAdmin, version: str, channel: str) -> dict[str, Any]:
    release = {
        "version": version,
        "channel": channel,
        "url": f"https://dl.example.org/{version}.apk",
        "checksum": "c" * 64,
    }
    result = await gql(PUBLISH, {"input": release}, actor=platform)
    assert result["data"]["publishSoftwareRelease"]["userErrors"] == [], result
    published: dict[str, Any] = result["data"]["publishSoftwareRelease"]["release"]
    return published


def test_versions_order_numerically_with_pre_releases_first() -> None:
    assert version_key("1.10.0") > version_key("1.9.12")
    assert version_key("2.0.0-beta.1") < version_key("2.0.0") < version_key("2.0.1-beta.1")
    assert version_key("1.2") == version_key("1.2.0")
    # a device may report anything: a part that is not ASCII digits counts as 0 ("²".isdigit() is true)
    assert version_key("1.\u00b2") == version_key("1.x") == version_key("1") < version_key("1.0.1")


async def test_update_app_follows_the_pinned_channel_and_the_reported_version_closes_the_loop(
    app: Any, gql: GQL, factory: Factory
) -> None:
    platform = await factory.platform_admin()
    admin = await factory.member(role=Role.ADMIN)
    other = await factory.member(role=Role.ADMIN)
    major = int(time.time() * 1000)  # newer than every release other tests published
    stable = await publish(gql, platform, f"{major}.0.0", "STABLE")
    beta = await publish(gql, platform, f"{major}.1.0-beta.1", "BETA")
    assert (await gql(PIN, {"c": "BETA"}, actor=admin))["data"]["setReleaseChannel"]["channel"] == "BETA"
    tv = await make_tv(admin.tenant, app_version="1.0.0")
    await make_tv(other.tenant, app_version="1.0.0")

    fleet = (await gql(FLEET, actor=admin))["data"]
    assert fleet["releaseChannel"] == "BETA"
    assert [e["node"] for e in fleet["devices"]["edges"]] == [
        {"appVersion": "1.0.0", "upToDate": False, "targetRelease": {"version": beta["version"]}}
    ]
    theirs = (await gql(FLEET, actor=other))["data"]
    assert theirs["releaseChannel"] == "STABLE"
    assert theirs["devices"]["edges"][0]["node"]["targetRelease"] == {"version": stable["version"]}

    sent = await gql.op("SendDeviceCommand", {"input": {"deviceId": tv.gid, "kind": "UPDATE_APP"}}, actor=admin)
    command_id = sent["data"]["sendDeviceCommand"]["command"]["id"]
    command = (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]
    assert command["status"] == "PENDING"
    assert command["payload"]["release"] == {
        "version": beta["version"],
        "channel": "BETA",
        "url": beta["url"],
        "checksum": beta["checksum"],
    }
    stable_only = {"input": {"deviceId": tv.gid, "kind": "UPDATE_APP", "payload": {"version": stable["version"]}}}
    refused = await gql.op("SendDeviceCommand", stable_only, actor=admin)
    assert [e["code"] for e in refused["data"]["sendDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]

    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": "1.0.0"}}, headers=tv.headers)
    assert (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]["status"] == "PENDING"
    async with tenant_feed(app, admin.tenant.id) as feed:
        await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": beta["version"]}}, headers=tv.headers)
        announced = (await device_events(feed, tv.device.id, "COMMAND_ACKNOWLEDGED"))["COMMAND_ACKNOWLEDGED"]
    assert announced["detail"] == {"commandId": pk(command_id), "commandKind": "UPDATE_APP", "success": True}
    done = (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]
    assert done["status"] == "ACKNOWLEDGED" and done["detail"] == f"running {beta['version']}"
    node = (await gql(FLEET, actor=admin))["data"]["devices"]["edges"][0]["node"]
    assert node == {"appVersion": beta["version"], "upToDate": True, "targetRelease": {"version": beta["version"]}}
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=tv.device.id).count() == 1


async def test_missing_role_channel_pinning_needs_an_admin_and_publishing_a_platform_admin(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    owner = await factory.member(role=Role.OWNER)
    tv = await make_tv(owner.tenant)
    async with unchanged(owner_db, editor, owner):
        assert error_codes(await gql(PIN, {"c": "BETA"}, actor=editor)) == ["FORBIDDEN"]
        assert (await gql("{ releaseChannel }", actor=editor))["data"]["releaseChannel"] == "STABLE"
        release = {"version": "1.0.0", "channel": "STABLE", "url": "https://dl.example.org/x.apk", "checksum": "d" * 64}
        assert error_codes(await gql(PUBLISH, {"input": release}, actor=owner)) == ["FORBIDDEN"]
        assert error_codes(await gql(PIN, {"c": "BETA"}, headers=tv.headers)) == ["FORBIDDEN"]
        assert error_codes(await gql(PIN, {"c": "BETA"})) == ["UNAUTHENTICATED"]
        assert (await gql("{ releaseChannel }", actor=owner))["data"]["releaseChannel"] == "STABLE"


async def test_cross_tenant_a_synagogues_channel_and_updates_stay_its_own(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    platform = await factory.platform_admin()
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    beta = await publish(gql, platform, f"{int(time.time() * 1000) + 13}.0.0-beta.1", "BETA")
    tv_a = await make_tv(a.tenant)
    tv_b = await make_tv(b.tenant, app_version="1.0.0")
    assert (await gql(PIN, {"c": "BETA"}, actor=a))["data"]["setReleaseChannel"]["channel"] == "BETA"
    assert (await gql("{ releaseChannel }", headers=tv_b.headers))["data"]["releaseChannel"] == "STABLE"

    async with unchanged(owner_db, a, b):
        nowhere = to_global_id("Synagogue", 10**9)
        named = await gql(PIN, {"c": "BETA"}, actor=a, tenant=b.tenant)
        assert error_codes(named) == ["FORBIDDEN"]
        assert answer(named) == answer(await gql(PIN, {"c": "BETA"}, actor=a, headers={"X-Tenant-ID": nowhere}))
        catalogue = "{ releaseChannel availableRelease { version } }"
        peeking = await gql(catalogue, headers={**tv_a.headers, "X-Tenant-ID": b.tenant_gid})
        assert error_codes(peeking) == ["FORBIDDEN"]
        assert answer(peeking) == answer(await gql(catalogue, headers={**tv_a.headers, "X-Tenant-ID": nowhere}))

        update = {"deviceId": tv_b.gid, "kind": "UPDATE_APP", "payload": {"version": beta["version"]}}
        foreign = await gql.op("SendDeviceCommand", {"input": update}, actor=a)
        absent = {"input": {**update, "deviceId": to_global_id("Device", 10**9)}}
        ghost = await gql.op("SendDeviceCommand", absent, actor=a)
        assert [e["code"] for e in foreign["data"]["sendDeviceCommand"]["userErrors"]] == ["NOT_FOUND"]
        assert answer(foreign) == answer(ghost)
        assert (await gql("{ releaseChannel }", actor=b))["data"]["releaseChannel"] == "STABLE"
    async with tenant_scope(b.tenant.id):
        assert await DeviceCommand.filter(device_id=tv_b.device.id).count() == 0


async def test_a_device_already_past_the_target_release_closes_the_update(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    admin = await factory.member(role=Role.ADMIN)
    major = int(time.time() * 1000) + 7
    target = await publish(gql, platform, f"{major}.2.0", "STABLE")
    tv = await make_tv(admin.tenant, app_version="1.0.0")
    body = {"deviceId": tv.gid, "kind": "UPDATE_APP", "payload": {"version": target["version"]}}
    command_id = (await gql.op("SendDeviceCommand", {"input": body}, actor=admin))["data"]["sendDeviceCommand"][
        "command"
    ]["id"]

    older = f"{major}.1.9"
    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": older}}, headers=tv.headers)
    assert (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]["status"] == "PENDING"
    newer = f"{major}.10.0"  # installed from elsewhere, or a later release reached it first
    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": newer}}, headers=tv.headers)
    done = (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]
    assert done["status"] == "ACKNOWLEDGED" and done["detail"] == f"running {newer}"


async def test_an_update_back_to_an_older_release_is_done_only_once_the_device_runs_it(
    gql: GQL, factory: Factory
) -> None:
    platform = await factory.platform_admin()
    admin = await factory.member(role=Role.ADMIN)
    major = int(time.time() * 1000) + 11
    older = await publish(gql, platform, f"{major}.2.0", "STABLE")
    running = f"{major}.5.0"
    tv = await make_tv(admin.tenant, app_version=running)
    body = {"deviceId": tv.gid, "kind": "UPDATE_APP", "payload": {"version": older["version"]}}
    command_id = (await gql.op("SendDeviceCommand", {"input": body}, actor=admin))["data"]["sendDeviceCommand"][
        "command"
    ]["id"]

    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": running}}, headers=tv.headers)
    assert (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]["status"] == "PENDING"
    await gql.op("ReportDeviceHeartbeat", {"input": {"appVersion": older["version"]}}, headers=tv.headers)
    done = (await gql(COMMAND, {"id": command_id}, actor=admin))["data"]["node"]
    assert done["status"] == "ACKNOWLEDGED" and done["detail"] == f"running {older['version']}"
