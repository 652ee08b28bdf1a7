"""moveDevicesToGroup and renameDeviceGroup: many devices into a group in one step (all or none), a group
renamed or merged for all its devices; ADMINs of the synagogue only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import asyncpg

from models.base import tenant_scope
from models.devices import Device
from models.identity import Role
from tests.support.actors import Actor, Factory
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

MOVE = """
mutation($input: MoveDevicesToGroupInput!) {
  moveDevicesToGroup(input: $input) {
    group { name deviceCount }
    devices { id group }
    userErrors { field code }
  }
}"""

RENAME = """
mutation($input: RenameDeviceGroupInput!) {
  renameDeviceGroup(input: $input) {
    group { name deviceCount }
    devices { id group }
    userErrors { field code }
  }
}"""

GROUPS = "{ deviceGroups { name deviceCount } }"


async def groups_of(tvs: list[TV]) -> list[str]:
    """Each device's group as stored (read in its own synagogue)."""
    groups = []
    for tv in tvs:
        async with tenant_scope(tv.device.tenant_id):
            groups.append((await Device.get(id=tv.device.id)).group)
    return groups


async def move(gql: GQL, actor: Actor, tvs: list[TV], group: str) -> dict[str, Any]:
    result = await gql(MOVE, {"input": {"deviceIds": [tv.gid for tv in tvs], "group": group}}, actor=actor)
    payload: dict[str, Any] = (result.get("data") or {}).get("moveDevicesToGroup") or result
    return payload


async def test_devices_move_to_a_group_in_one_step_and_a_group_is_renamed_and_merged(
    gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tvs = [await make_tv(admin.tenant, f"TV {i}") for i in range(4)]
    moved = await move(gql, admin, tvs[:3], " Main hall ")
    assert moved["userErrors"] == [] and moved["group"] == {"name": "Main hall", "deviceCount": 3}
    assert [d["group"] for d in moved["devices"]] == ["Main hall"] * 3
    assert (await move(gql, admin, tvs[3:], "Lobby"))["group"] == {"name": "Lobby", "deviceCount": 1}

    renamed = (await gql(RENAME, {"input": {"name": "Main hall", "newName": "Sanctuary"}}, actor=admin))["data"]
    assert renamed["renameDeviceGroup"]["group"] == {"name": "Sanctuary", "deviceCount": 3}
    merged = (await gql(RENAME, {"input": {"name": "Lobby", "newName": "Sanctuary"}}, actor=admin))["data"]
    assert merged["renameDeviceGroup"]["group"] == {"name": "Sanctuary", "deviceCount": 4}
    assert await groups_of(tvs) == ["Sanctuary"] * 4

    out = await move(gql, admin, tvs[:1], "")
    assert out["userErrors"] == [] and out["group"] is None
    listed = (await gql(GROUPS, actor=admin))["data"]["deviceGroups"]
    assert listed == [{"name": "Sanctuary", "deviceCount": 3}]


async def test_a_move_with_an_unknown_or_revoked_device_changes_nothing(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    live, revoked = await make_tv(admin.tenant, "Live"), await make_tv(admin.tenant, "Gone")
    async with tenant_scope(admin.tenant.id):
        await Device.filter(id=revoked.device.id).update(revoked_at=datetime.now(UTC))
    refused = await move(gql, admin, [live, revoked], "Hall")
    assert refused["userErrors"] == [{"field": ["deviceIds", "1"], "code": "INVALID"}]
    result = await gql(MOVE, {"input": {"deviceIds": [live.gid, "RGV2aWNlOjk5OTk5OTk="], "group": "Hall"}}, actor=admin)
    assert result["data"]["moveDevicesToGroup"]["userErrors"] == [{"field": ["deviceIds", "1"], "code": "NOT_FOUND"}]
    assert await groups_of([live, revoked]) == ["", ""]


async def test_bad_group_input_is_a_user_error(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    assert (await move(gql, admin, [tv], "x" * 81))["userErrors"] == [{"field": ["group"], "code": "TOO_LONG"}]
    assert (await move(gql, admin, [], "Hall"))["userErrors"] == [{"field": ["deviceIds"], "code": "REQUIRED"}]
    cases = [
        ({"name": "Nowhere", "newName": "Hall"}, [{"field": ["name"], "code": "NOT_FOUND"}]),
        ({"name": " ", "newName": "Hall"}, [{"field": ["name"], "code": "REQUIRED"}]),
        ({"name": "Hall", "newName": ""}, [{"field": ["newName"], "code": "REQUIRED"}]),
    ]
    for variables, errors in cases:
        result = await gql(RENAME, {"input": variables}, actor=admin)
        assert result["data"]["renameDeviceGroup"]["userErrors"] == errors, variables


async def test_cross_tenant_devices_and_groups_of_another_synagogue_are_not_found_and_untouched(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin, other = await factory.member(role=Role.ADMIN), await factory.member(role=Role.ADMIN)
    theirs = await make_tv(other.tenant, "Theirs")
    assert (await move(gql, other, [theirs], "Their hall"))["userErrors"] == []
    async with unchanged(owner_db, admin, other):
        refused = await move(gql, admin, [theirs], "Mine")
        assert refused["userErrors"] == [{"field": ["deviceIds", "0"], "code": "NOT_FOUND"}]
        result = await gql(RENAME, {"input": {"name": "Their hall", "newName": "Mine"}}, actor=admin)
        assert result["data"]["renameDeviceGroup"]["userErrors"] == [{"field": ["name"], "code": "NOT_FOUND"}]
        theirs_to_mine = {"input": {"deviceIds": [theirs.gid], "group": "Mine"}}
        named = await gql(MOVE, theirs_to_mine, actor=admin, tenant=other.tenant)
        assert error_codes(named) == ["FORBIDDEN"]  # naming their synagogue: not a member there
        assert await groups_of([theirs]) == ["Their hall"]


async def test_missing_role_editors_viewers_and_devices_cannot_move_or_rename_groups(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    assert (await move(gql, admin, [tv], "Hall"))["userErrors"] == []
    members = [await factory.member(tenant=admin.tenant, role=role) for role in (Role.EDITOR, Role.VIEWER)]
    async with unchanged(owner_db, admin):
        for member in members:
            assert error_codes(await gql(MOVE, {"input": {"deviceIds": [tv.gid], "group": "X"}}, actor=member)) == [
                "FORBIDDEN"
            ]
            result = await gql(RENAME, {"input": {"name": "Hall", "newName": "X"}}, actor=member)
            assert error_codes(result) == ["FORBIDDEN"]
        as_device = await gql(MOVE, {"input": {"deviceIds": [tv.gid], "group": "X"}}, headers=tv.headers)
        assert error_codes(as_device) == ["FORBIDDEN"]
        assert error_codes(await gql(RENAME, {"input": {"name": "Hall", "newName": "X"}})) == ["UNAUTHENTICATED"]
        assert await groups_of([tv]) == ["Hall"]
