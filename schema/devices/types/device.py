"""A device (a TV screen on the synagogue's wall), its heartbeats, and the groups the synagogue sorts its screens
into. Computed fields fetch through the domain's loaders and services."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from schema.content.loaders import device_screenshot_loader
from schema.content.types import Media
from schema.context import Info
from schema.devices.enums import DeviceStatus
from schema.devices.inputs import AFTER, FIRST, FROM, TO
from schema.devices.loaders import identity_loader, settings_loader, target_release, uptime_loader
from schema.devices.types.command import DeviceCommand
from schema.devices.types.release import SoftwareRelease
from schema.devices.types.settings import DeviceSettings
from schema.relay import Connection, Node, paginate
from services.devices.commands import history, version_key
from services.devices.groups import group_queryset
from services.devices.registry import heartbeats_between, status_of
from services.infra.ids import to_global_id


@strawberry.type(description="One heartbeat as the device reported it; cpu and memory in percent.")
class DeviceHeartbeat:
    at: dt.datetime = strawberry.field(description="When the server received it.")
    cpu: float | None = strawberry.field(description="Processor load in percent (0 to 100).")
    memory: float | None = strawberry.field(description="Memory in use in percent (0 to 100).")
    temperature: float | None = strawberry.field(description="The device's temperature in degrees Celsius.")
    disk: float | None = strawberry.field(description="Storage in use in percent (0 to 100).")
    free_storage_mb: float | None = strawberry.field(description="Free storage in megabytes.")
    uptime_seconds: int | None = strawberry.field(description="Seconds since the device last started.")
    app_version: str | None = strawberry.field(description="The TV app version the device was running.")

    @classmethod
    def of(cls, row: m.DeviceHeartbeat) -> DeviceHeartbeat:
        return cls(
            at=row.at,
            cpu=row.cpu,
            memory=row.memory,
            temperature=row.temperature,
            disk=row.disk,
            free_storage_mb=row.free_storage_mb,
            uptime_seconds=row.uptime_seconds,
            app_version=row.app_version or None,
        )


@strawberry.type(description="One device's share of minutes with a heartbeat over a range.")
class Uptime:
    share: float | None = strawberry.field(
        description="Minutes with a heartbeat / minutes in the range (0 to 1); null: the device was claimed after it."
    )
    minutes_seen: int = strawberry.field(description="Minutes of the range with at least one heartbeat.")
    minutes: int = strawberry.field(description="Minutes of the range since the device was claimed, up to now.")


@strawberry.type(description="A TV screen of the synagogue, paired with a code shown on it and claimed by an admin.")
class Device(Node):
    id: strawberry.ID = strawberry.field(description="The device's global id.")
    name: str = strawberry.field(description="The name the synagogue gave it (at most 120 characters).")
    location: str = strawberry.field(description="Where it hangs, like Main sanctuary (at most 200 characters).")
    group: str = strawberry.field(description="The device group it belongs to; empty: none.")
    model: str = strawberry.field(description="The hardware model the TV reported when pairing.")
    resolution: str = strawberry.field(
        description="The screen resolution the TV reported when pairing, like 1920x1080."
    )
    app_version: str | None = strawberry.field(
        description="The TV app version it reported last (pairing or heartbeat); null: none reported."
    )
    created_at: dt.datetime = strawberry.field(description="When an admin claimed it.")
    _pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.Device) -> Device:
        return cls(
            id=strawberry.ID(to_global_id("Device", row.id)),
            name=row.name,
            location=row.location,
            group=row.group,
            model=row.model,
            resolution=row.resolution,
            app_version=row.app_version or None,
            created_at=row.created_at,
            _pk=row.id,
        )

    @strawberry.field(
        description="ONLINE when a heartbeat or live subscription was seen within the online window "
        "(DEVICE_ONLINE_WINDOW_SECONDS, 90 seconds by default)."
    )
    async def status(self, info: Info) -> DeviceStatus:
        identity = await identity_loader(info).load(self._pk)
        return DeviceStatus(status_of(identity, window=info.context.settings.device_online_window_seconds))

    @strawberry.field(description="When it last showed a sign of life (a heartbeat or a live subscription).")
    async def last_seen_at(self, info: Info) -> dt.datetime | None:
        identity = await identity_loader(info).load(self._pk)
        return identity.last_seen_at if identity else None

    @strawberry.field(description="How the screen presents itself (the defaults until an editor changes them).")
    async def settings(self, info: Info) -> DeviceSettings:
        row = await settings_loader(info).load(self._pk)
        return DeviceSettings.of(row or m.DeviceSettings(device_id=self._pk))

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="What the screen showed when it last answered a SCREENSHOT command (members only); null: none.",
    )
    async def latest_screenshot(self, info: Info) -> Media | None:
        row = await device_screenshot_loader(info).load(self._pk)
        return Media.of(row) if row else None

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)], description="Command history, newest first (members only)."
    )
    async def commands(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 20,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> Connection[DeviceCommand] | None:
        return await paginate(info, history(self._pk), first, after, DeviceCommand.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Raw heartbeats in [from, to), newest first, a page at a time (members only). Samples are "
        "kept DEVICE_HEARTBEAT_RETENTION_DAYS; deviceMetricSeries aggregates longer ranges.",
    )
    async def heartbeats(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
        first: Annotated[int, strawberry.argument(description=FIRST)] = 100,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> Connection[DeviceHeartbeat] | None:
        return await paginate(info, heartbeats_between(self._pk, from_, to), first, after, DeviceHeartbeat.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="The share of minutes with a heartbeat over a range of at most 400 days, read in whole hours "
        "from the hour `from` falls in (members only).",
    )
    async def uptime(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
    ) -> Uptime | None:
        found = await uptime_loader(info).load((self._pk, from_, to))
        return Uptime(share=found.share, minutes_seen=found.minutes_seen, minutes=found.minutes)

    @strawberry.field(description="The newest release on this synagogue's channel: what UPDATE_APP installs.")
    async def target_release(self, info: Info) -> SoftwareRelease | None:
        row = await target_release(info)
        return SoftwareRelease.of(row) if row else None

    @strawberry.field(
        description="True when the version the device last reported is the target release or newer; null "
        "when there is no release on the channel or the device never reported a version."
    )
    async def up_to_date(self, info: Info) -> bool | None:
        row = await target_release(info)
        if row is None or not self.app_version:
            return None
        return version_key(self.app_version) >= version_key(row.version)


@strawberry.type(
    description="A device group: the devices sharing one `group` name (set with updateDevice or "
    "moveDevicesToGroup, renamed with renameDeviceGroup), not revoked. sendDeviceCommands(group:) reaches them "
    "all at once."
)
class DeviceGroup:
    name: str = strawberry.field(description="The group's name, as devices carry it in `group`.")
    device_count: int = strawberry.field(description="How many devices (not revoked) are in it.")

    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)], description="The group's devices (members only).")
    async def devices(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=FIRST)] = 50,
        after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
    ) -> Connection[Device] | None:
        return await paginate(info, group_queryset(self.name), first, after, Device.of)
