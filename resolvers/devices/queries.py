"""Device queries: the fleet for members, the device's own view for TVs, the release catalogue."""

from __future__ import annotations

from typing import Annotated

import strawberry

import services.devices.registry  # noqa: F401  (registers the `Device` credential scheme)
from models import devices as m
from models.identity import Role
from permissions import CanReadTenant, HasRole, IsDevice, IsUserOrDevice
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.enums import ReleaseChannel
from schema.devices.inputs import AFTER, FIRST
from schema.devices.types import Device, DeviceGroup, Screen, SoftwareRelease
from schema.relay import Connection, paginate
from services.devices.commands import latest_release, release_channel
from services.devices.groups import device_groups, devices_queryset
from services.devices.releases import catalogue
from services.devices.screen_hub import hub_for


@strawberry.type
class DevicesQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)], description="This synagogue's devices (VIEWER and above)."
    )
    async def devices(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
        group: Annotated[
            str | None,
            strawberry.argument(
                description="Only the devices of this group: its members as deviceGroups counts them, so "
                "not the revoked ones."
            ),
        ] = None,
    ) -> Connection[Device]:
        return await paginate(info, devices_queryset(group), first, after, Device.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="This synagogue's device groups by name, with how many devices (not revoked) each holds "
        "(VIEWER and above).",
    )
    async def device_groups(self, info: Info) -> list[DeviceGroup]:
        return [DeviceGroup(name=name, device_count=count) for name, count in await device_groups()]

    @strawberry.field(permission_classes=[IsDevice], description="The calling device itself (devices only).")
    async def current_device(self, info: Info) -> Device | None:
        row = await access_device(info, info.context.principal.device_id)
        return Device.of(row) if row else None

    @strawberry.field(
        permission_classes=[IsDevice], description="The screen this device shows right now (devices only)."
    )
    async def screen(self, info: Info) -> Screen:
        context, settings = info.context, info.context.settings
        assert context.tenant_id is not None and context.principal.device_id is not None
        hub = hub_for(context.broadcast, settings.screen_debounce_seconds)
        state = await hub.snapshot(
            context.tenant_id,
            context.principal.device_id,
            keep_seconds=settings.screen_keep_seconds,
            keep_most=settings.screen_keep_max_feeds,
        )
        return Screen.of(state)

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description="The channel this synagogue's devices follow (members, its devices and its partner keys).",
    )
    async def release_channel(self, info: Info) -> ReleaseChannel:
        return ReleaseChannel[(await release_channel()).name]

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description="The newest release on this synagogue's channel (members, its devices and its partner keys).",
    )
    async def available_release(self, info: Info) -> SoftwareRelease | None:
        row = await latest_release(await release_channel())
        return SoftwareRelease.of(row) if row else None

    @strawberry.field(
        permission_classes=[IsUserOrDevice],
        description="The platform-wide catalogue of TV app releases, newest first (signed-in users and devices).",
    )
    async def software_releases(
        self,
        info: Info,
        channel: Annotated[
            ReleaseChannel | None, strawberry.argument(description="Only the releases of this channel; null: all.")
        ] = None,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> Connection[SoftwareRelease] | None:
        rows = catalogue(None if channel is None else m.ReleaseChannel[channel.name])
        return await paginate(info, rows, first, after, SoftwareRelease.of)
