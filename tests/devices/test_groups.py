"""Device groups end to end: updateDevice puts devices in a group, deviceGroups and devices(group:) list
them, sendDeviceCommands(group:) reaches every member (and no one else) with a result per device."""

from __future__ import annotations

import logging

import asyncpg
import pytest

from models.base import tenant_scope
from models.devices import Device, DeviceCommand
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

UPDATE = """
mutation($input: UpdateDeviceInput!) {
  updateDevice(input: $input) { device { id group } userErrors { field code } }
}"""

GROUPS = """
query($group: String) {
  deviceGroups { name deviceCount devices(first: 10) { edges { node { id } } } }
  devices(group: $group) { totalCount edges { node { id group } } }
}"""

BATCH = """
mutation($input: SendDeviceCommandsInput!) {
  sendDeviceCommands(input: $input) {
    batchId
    results { deviceId command { id kind status } userErrors { field code } }
    userErrors { field code }
  }
}"""


async def put_in_group(gql: GQL, admin: Actor, tv: TV, group: str) -> None:
    result = await gql(UPDATE, {"input": {"id": tv.gid, "group": group}}, actor=admin)
    assert result["data"]["updateDevice"]["userErrors"] == [], result
    assert result["data"]["updateDevice"]["device"]["group"] == group.strip()


async def test_a_group_is_managed_listed_and_commanded_as_one(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    hall = [await make_tv(admin.tenant, f"Hall {i}") for i in range(3)]
    lobby = await make_tv(admin.tenant, "Lobby")
    for tv in hall:
        await put_in_group(gql, admin, tv, " Main hall ")
    await put_in_group(gql, admin, lobby, "Lobby")
    await put_in_group(gql, admin, hall[2], "")  # taken out again

    listed = (await gql(GROUPS, {"group": "Main hall"}, actor=admin))["data"]
    groups = {g["name"]: g for g in listed["deviceGroups"]}
    assert {name: g["deviceCount"] for name, g in groups.items()} == {"Lobby": 1, "Main hall": 2}
    members = [e["node"]["id"] for e in groups["Main hall"]["devices"]["edges"]]
    assert members == [hall[0].gid, hall[1].gid]
    assert [e["node"]["id"] for e in listed["devices"]["edges"]] == members

    sent = (await gql(BATCH, {"input": {"kind": "RELOAD", "group": "Main hall"}}, actor=admin))["data"]
    payload = sent["sendDeviceCommands"]
    assert payload["userErrors"] == []
    assert [r["deviceId"] for r in payload["results"]] == members
    assert all(r["command"]["status"] == "PENDING" and r["userErrors"] == [] for r in payload["results"])
    async with tenant_scope(admin.tenant.id):
        targeted = {row.device_id for row in await DeviceCommand.filter(batch_id=payload["batchId"])}
    assert targeted == {hall[0].device.id, hall[1].device.id}

    revoked = await gql.op("RevokeDevice", {"id": hall[1].gid}, actor=admin)
    assert revoked["data"]["revokeDevice"]["userErrors"] == []
    again = (await gql(BATCH, {"input": {"kind": "REBOOT", "group": "Main hall"}}, actor=admin))["data"]
    assert [r["deviceId"] for r in again["sendDeviceCommands"]["results"]] == [hall[0].gid]


async def test_cross_tenant_an_empty_or_foreign_group_sends_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    mine = await make_tv(admin.tenant, "Mine")
    theirs = await make_tv(stranger.tenant, "Theirs")
    await put_in_group(gql, stranger, theirs, "Their hall")
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)

    async with unchanged(owner_db, admin, stranger):
        for group in ("Their hall", "Nobody"):
            request = {"input": {"kind": "RELOAD", "group": group, "deviceIds": [mine.gid]}}
            result = (await gql(BATCH, request, actor=admin))["data"]["sendDeviceCommands"]
            assert result["userErrors"] == [{"field": ["group"], "code": "NOT_FOUND"}] and result["results"] == []
        assert (await gql(GROUPS, {"group": "Their hall"}, actor=admin))["data"] == {
            "deviceGroups": [],
            "devices": {"totalCount": 0, "edges": []},
        }
        foreign_move = await gql(UPDATE, {"input": {"id": theirs.gid, "group": "Mine now"}}, actor=admin)
        assert [e["code"] for e in foreign_move["data"]["updateDevice"]["userErrors"]] == ["NOT_FOUND"]
        assert error_codes(await gql(UPDATE, {"input": {"id": mine.gid, "group": "x"}}, actor=editor)) == ["FORBIDDEN"]
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=mine.device.id).count() == 0
    async with tenant_scope(stranger.tenant.id):
        assert await DeviceCommand.filter(device_id=theirs.device.id).count() == 0


async def test_too_many_device_ids_are_refused_before_any_is_looked_up(
    gql: GQL, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    ids = [to_global_id("Device", 10_000_000 + n) for n in range(501)]
    with caplog.at_level(logging.INFO, logger="shulgraph.access"):
        result = await gql(BATCH, {"input": {"kind": "RELOAD", "deviceIds": ids}}, actor=admin)
    assert result["data"]["sendDeviceCommands"]["userErrors"] == [{"field": ["deviceIds"], "code": "OUT_OF_RANGE"}]
    assert [r for r in caplog.records if r.getMessage() == "access denied"] == []


async def test_a_revoked_device_is_in_no_group_for_listing_counting_or_commands(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    live = await make_tv(admin.tenant, "Live")
    gone = await make_tv(admin.tenant, "Gone")
    alone = await make_tv(admin.tenant, "Alone")
    for tv, group in ((live, "Chapel"), (gone, "Chapel"), (alone, "Annex")):
        await put_in_group(gql, admin, tv, group)
    for tv in (gone, alone):
        revoked = await gql.op("RevokeDevice", {"id": tv.gid}, actor=admin)
        assert revoked["data"]["revokeDevice"]["userErrors"] == []

    listed = (await gql(GROUPS, {"group": " Chapel "}, actor=admin))["data"]
    assert [(g["name"], g["deviceCount"]) for g in listed["deviceGroups"]] == [("Chapel", 1)]
    assert [e["node"]["id"] for e in listed["deviceGroups"][0]["devices"]["edges"]] == [live.gid]
    assert listed["devices"] == {"totalCount": 1, "edges": [{"node": {"id": live.gid, "group": "Chapel"}}]}
    annex = (await gql(GROUPS, {"group": "Annex"}, actor=admin))["data"]["devices"]
    assert annex == {"totalCount": 0, "edges": []}
    everyone = (await gql(GROUPS, {"group": None}, actor=admin))["data"]["devices"]
    assert {e["node"]["id"] for e in everyone["edges"]} == {live.gid, gone.gid, alone.gid}  # the fleet lists all

    sent = (await gql(BATCH, {"input": {"kind": "RELOAD", "group": "Chapel"}}, actor=admin))["data"]
    assert [r["deviceId"] for r in sent["sendDeviceCommands"]["results"]] == [live.gid]
    nobody = (await gql(BATCH, {"input": {"kind": "RELOAD", "group": "Annex"}}, actor=admin))["data"]
    assert nobody["sendDeviceCommands"]["userErrors"] == [{"field": ["group"], "code": "NOT_FOUND"}]

    stranger = await factory.member(role=Role.OWNER)
    foreign = (await gql(GROUPS, {"group": "Chapel"}, actor=stranger))["data"]
    assert foreign == {"deviceGroups": [], "devices": {"totalCount": 0, "edges": []}}
    async with tenant_scope(admin.tenant.id):
        assert await DeviceCommand.filter(device_id=gone.device.id).count() == 0
        assert await DeviceCommand.filter(device_id=alone.device.id).count() == 0


async def test_missing_role_groups_are_managed_and_commanded_by_admins_only(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant, "Hall")
    await put_in_group(gql, admin, tv, "Hall")
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    move = {"input": {"id": tv.gid, "group": "Elsewhere"}}
    command = {"input": {"kind": "RELOAD", "group": "Hall", "deviceIds": [tv.gid]}}
    async with unchanged(owner_db, admin):
        for headers, code in ((editor.headers(), "FORBIDDEN"), (tv.headers, "FORBIDDEN"), ({}, "UNAUTHENTICATED")):
            for document, variables in ((UPDATE, move), (BATCH, command)):
                refused = await gql(document, variables, headers=headers)
                assert error_codes(refused) == [code] and refused["data"] is None, refused
        for headers, code in ((tv.headers, "FORBIDDEN"), ({}, "UNAUTHENTICATED")):  # reading groups is for members
            refused = await gql(GROUPS, {"group": "Hall"}, headers=headers)
            assert set(error_codes(refused)) == {code} and refused["data"] is None, refused
        listed = (await gql(GROUPS, {"group": "Hall"}, actor=editor))["data"]
        assert [(g["name"], g["deviceCount"]) for g in listed["deviceGroups"]] == [("Hall", 1)]
    async with tenant_scope(admin.tenant.id):
        assert (await Device.get(id=tv.device.id)).group == "Hall"
        assert await DeviceCommand.filter(device_id=tv.device.id).count() == 0
