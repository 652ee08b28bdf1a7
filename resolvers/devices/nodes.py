"""The `node(id:)` road of each Node type of the devices domain, through its access functions."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.devices.access import access_command, access_device, access_release
from resolvers.devices.queries import DevicesQuery
from schema.context import Info
from schema.devices.types import Device, DeviceCommand, SoftwareRelease


async def _device_node(info: Info, pk: int) -> Device | None:
    row = await access_device(info, pk)
    return Device.of(row) if row else None


async def _command_node(info: Info, pk: int) -> DeviceCommand | None:
    row = await access_command(info, pk)
    return DeviceCommand.of(row) if row else None


async def _release_node(info: Info, pk: int) -> SoftwareRelease | None:
    row = await access_release(info, pk)
    return SoftwareRelease.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "Device": road(_device_node, (DevicesQuery, "devices"), (DevicesQuery, "current_device")),
    "DeviceCommand": road(_command_node, (DevicesQuery, "devices"), (DevicesQuery, "current_device")),
    "SoftwareRelease": road(_release_node, (DevicesQuery, "software_releases"), (DevicesQuery, "available_release")),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
