"""Device queries: the fleet for members, the device's own view for TVs, the release catalogue."""

from __future__ import annotations

from typing import Annotated

import strawberry

import services.devices.registry  # noqa: F401  (registers the `Device` credential scheme)
from models import devices as m
from models.identity import Role
from permissions import CanReadTenant, HasRole, IsDevice
from resolvers.devices.access import access_command, access_device
from schema.context import Info
from schema.devices.screen import Screen, screen_for_device
from schema.devices.types import Device, DeviceCommand, DeviceGroup, ReleaseChannel, SoftwareRelease
from schema.errors import graphql_error
from schema.relay import Connection, NodeResolver, paginate
from services.devices.commands import latest_release, release_channel
from services.devices.groups import device_groups, group_queryset
from services.infra.errors import ErrorCode


async def _device_node(info: Info, pk: int) -> Device | None:
    row = await access_device(info, pk)
    return Device.of(row) if row else None


async def _command_node(info: Info, pk: int) -> DeviceCommand | None:
    row = await access_command(info, pk)
    return DeviceCommand.of(row) if row else None


async def _release_node(info: Info, pk: int) -> SoftwareRelease | None:
    if info.context.principal.kind == "anonymous":
        return None
    row = await m.SoftwareRelease.get_or_none(id=pk)
    return SoftwareRelease.of(row) if row else None




NODES: dict[str, NodeResolver] = {
    "Device": _device_node,
    "DeviceCommand": _command_node,
    "SoftwareRelease": _release_node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)], description="This synagogue's devices.")
    async def devices(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        group: Annotated[
            str | None,
            strawberry.argument(
                description="Only the devices of this group: its members as deviceGroups counts them, so "
                "not the revoked ones."
            ),
        ] = None,
    ) -> Connection[Device]:
        queryset = m.Device.all().order_by("id") if group is None else group_queryset(group.strip())
        return await paginate(info, queryset, first, after, Device.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="This synagogue's device groups by name, with how many devices (not revoked) each holds.",
    )
    async def device_groups(self, info: Info) -> list[DeviceGroup]:
        return [DeviceGroup(name=name, device_count=count) for name, count in await device_groups()]

    @strawberry.field(permission_classes=[IsDevice], description="The calling device itself.")
    async def current_device(self, info: Info) -> Device | None:
        pk = info.context.principal.device_id
        row = await access_device(info, pk) if pk is not None else None
        return Device.of(row) if row else None

    @strawberry.field(permission_classes=[IsDevice], description="The screen this device shows right now.")
    async def screen(self, info: Info) -> Screen:
        return await screen_for_device(info)

    @strawberry.field(permission_classes=[CanReadTenant], description="The channel this synagogue's devices follow.")
    async def release_channel(self, info: Info) -> ReleaseChannel:  # type: ignore[valid-type]
        return await release_channel()

    @strawberry.field(permission_classes=[CanReadTenant], description="The newest release on this synagogue's channel.")
    async def available_release(self, info: Info) -> SoftwareRelease | None:
        row = await latest_release(await release_channel())
        return SoftwareRelease.of(row) if row else None

    @strawberry.field(description="The platform-wide catalogue (signed-in users and devices).")
    async def software_releases(
        self,
        info: Info,
        channel: ReleaseChannel | None = None,  # type: ignore[valid-type]
        first: int = 50,
        after: str | None = None,
    ) -> Connection[SoftwareRelease] | None:
        if info.context.principal.kind not in ("user", "device"):
            raise graphql_error(ErrorCode.UNAUTHENTICATED, "authentication required")
        queryset = m.SoftwareRelease.all() if channel is None else m.SoftwareRelease.filter(channel=channel)
        return await paginate(info, queryset.order_by("-id"), first, after, SoftwareRelease.of)
