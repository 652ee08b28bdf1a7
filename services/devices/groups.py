"""Device groups: a label on each device (`Device.group`), read and changed within the current tenant.

The one rule of membership: a revoked device is in no group, whatever its label says.
"""

from __future__ import annotations

from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.devices import Device


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
