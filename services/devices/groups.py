"""Device groups: a label on each device (`Device.group`), read and changed within the current tenant.

The one rule of membership: a revoked device is in no group, whatever its label says.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.devices import Device
from services.devices.rules import MAX_BATCH, batch_too_large, empty_group, group_name_problems, missing
from services.infra.problems import Problem

Lookup = Callable[[str], Awaitable[Device | None]]
"""The caller's road from a device's global id to the device (None: missing or not the caller's)."""


@dataclass(frozen=True)
class GroupChange:
    """A group after a change: its name ("" for no group), its devices (not revoked), and the devices moved."""

    name: str
    size: int
    moved: list[Device]


async def device_groups() -> list[tuple[str, int]]:
    """The current tenant's group names with their devices (not revoked), by name (one statement)."""
    rows = (
        await group_queryset(None)
        .exclude(group="")
        .annotate(n=Count("id"))
        .group_by("group")
        .order_by("group")
        .values_list("group", "n")
    )
    return [(str(name), int(n)) for name, n in rows]


def devices_queryset(group: str | None) -> QuerySet[Device]:
    """The current tenant's devices by id, or the members of one group (`group`, stripped)."""
    return Device.all().order_by("id") if group is None else group_queryset(group.strip())


def group_queryset(name: str | None) -> QuerySet[Device]:
    """The current tenant's devices that are not revoked, of one group (or of any), by id.

    The one rule of group membership (a revoked device is in no group): `devices(group:)` lists it,
    `deviceGroups` counts it, `DeviceGroup.devices` pages it and `sendDeviceCommands(group:)` reaches it."""
    devices = Device.filter(revoked_at=None)
    return (devices if name is None else devices.filter(group=name)).order_by("id")


async def group_members(name: str) -> list[Device]:
    """The devices (not revoked) of one group of the current tenant, by id."""
    return await group_queryset(name)


async def group_size(name: str) -> int:
    """How many devices (not revoked) of the current tenant are in a group."""
    return await group_queryset(name).count() if name else 0


async def move_to_group(devices: list[Device], name: str) -> None:
    """Put devices of the current tenant in group `name` ("" takes them out), in one statement."""
    await Device.filter(id__in=[device.id for device in devices]).update(group=name)
    for device in devices:
        device.group = name


async def rename_group(name: str, new_name: str) -> list[Device]:
    """Rename a group of the current tenant (merging it into `new_name` when that exists); the devices
    (not revoked) it moved. Revoked devices keep their old label: they are in no group."""
    async with in_transaction():
        members = await group_queryset(name).select_for_update()
        await move_to_group(members, new_name)
    return members


async def move_devices(device_ids: list[str], group: str, lookup: Lookup) -> tuple[GroupChange | None, list[Problem]]:
    """Put the named devices in `group` ("" takes them out), all or none: an unknown or revoked device changes
    nothing. Their number is checked before any id is looked up."""
    ids, name = list(dict.fromkeys(device_ids)), group.strip()
    problems = group_name_problems("group", name, required=False)
    if not ids:
        problems.append(Problem("deviceIds", "REQUIRED", "name at least one device"))
    elif len(ids) > MAX_BATCH:
        problems.append(batch_too_large())
    if problems:
        return None, problems
    devices: list[Device] = []
    for index, global_id in enumerate(ids):
        device = await lookup(global_id)
        if device is None:
            problems.append(missing(f"deviceIds.{index}"))
        elif device.revoked_at is not None:
            problems.append(Problem(f"deviceIds.{index}", "INVALID", "the device is revoked: it is in no group"))
        else:
            devices.append(device)
    if problems:
        return None, problems
    await move_to_group(devices, name)
    return GroupChange(name, await group_size(name), devices), []


async def rename_devices_group(name: str, new_name: str) -> tuple[GroupChange | None, list[Problem]]:
    """Rename a group for all its devices at once; into a group that exists, the two become one."""
    name, new_name = name.strip(), new_name.strip()
    problems = group_name_problems("name", name, required=True) + group_name_problems(
        "newName", new_name, required=True
    )
    if problems:
        return None, problems
    if not await group_size(name):
        return None, [empty_group("name")]
    moved = await rename_group(name, new_name) if new_name != name else []
    return GroupChange(new_name, await group_size(new_name), moved), []
