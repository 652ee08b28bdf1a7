"""Device types: a device, its status and heartbeats; the other nouns of the domain live beside it
(settings, command, release, events) and are re-exported here."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.command import DeviceCommand, DeviceCommandKind, DeviceCommandStatus
from schema.devices.events import TenantEvent, TenantEventKind
from schema.devices.release import ReleaseChannel, SoftwareRelease, target_release
from schema.devices.settings import ContentOverrides, DeviceSettings, Orientation, PanelSetting, ScreenSection
from schema.errors import graphql_error
from schema.relay import Connection, Node, paginate
from services.infra.errors import ErrorCode
from services.infra.ids import to_global_id

__all__ = [
    "ContentOverrides",
    "Device",
    "DeviceCommand",
    "DeviceCommandKind",
    "DeviceCommandStatus",
    "DeviceGroup",
    "DeviceHeartbeat",
    "DeviceSettings",
    "DeviceStatus",
    "Orientation",
    "PanelSetting",
    "ReleaseChannel",
    "ScreenSection",
    "SoftwareRelease",
    "TenantEvent",
    "TenantEventKind",
]


@strawberry.enum
class DeviceStatus(Enum):
    ONLINE = "ONLINE"
    OFFLINE = "OFFLINE"
    NEVER_SEEN = "NEVER_SEEN"
    REVOKED = "REVOKED"


@strawberry.type(description="One heartbeat as the device reported it; cpu and memory in percent.")
class DeviceHeartbeat:
    at: dt.datetime
    cpu: float | None
    memory: float | None
    temperature: float | None
    uptime_seconds: int | None
    app_version: str | None

    @classmethod
    def of(cls, row: m.DeviceHeartbeat) -> DeviceHeartbeat:
        return cls(
            at=row.at,
            cpu=row.cpu,
            memory=row.memory,
            temperature=row.temperature,
            uptime_seconds=row.uptime_seconds,
            app_version=row.app_version or None,
        )


@strawberry.type
class Device(Node):
    id: strawberry.ID
    name: str
    location: str
    group: str
    model: str
    resolution: str
    app_version: str | None
    created_at: dt.datetime
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

    @strawberry.field(description="ONLINE when a heartbeat or live subscription was seen in the last 90 seconds.")
    async def status(self, info: Info) -> DeviceStatus:
        from schema.devices.loaders import identity_loader
        from services.devices.registry import status_of

        identity = await identity_loader(info).load(self._pk)
        return DeviceStatus(status_of(identity, window=info.context.settings.device_online_window_seconds))

    @strawberry.field
    async def last_seen_at(self, info: Info) -> dt.datetime | None:
        from schema.devices.loaders import identity_loader

        identity = await identity_loader(info).load(self._pk)
        return identity.last_seen_at if identity else None

    @strawberry.field
    async def settings(self, info: Info) -> DeviceSettings:
        from schema.devices.loaders import settings_loader

        row = await settings_loader(info).load(self._pk)
        return DeviceSettings.of(row or m.DeviceSettings(device_id=self._pk))

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)], description="Command history, newest first (members only)."
    )
    async def commands(self, info: Info, first: int = 20, after: str | None = None) -> Connection[DeviceCommand] | None:
        queryset = m.DeviceCommand.filter(device_id=self._pk).order_by("-id")
        return await paginate(info, queryset, first, after, DeviceCommand.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Raw heartbeats in [from, to), newest first, a page at a time (members only). Samples are "
        "kept DEVICE_HEARTBEAT_RETENTION_DAYS; deviceMetricSeries aggregates longer ranges.",
    )
    async def heartbeats(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from")],
        to: dt.datetime,
        first: int = 100,
        after: str | None = None,
    ) -> Connection[DeviceHeartbeat] | None:
        if to <= from_:
            raise graphql_error(ErrorCode.BAD_USER_INPUT, "`to` must be after `from`")
        queryset = m.DeviceHeartbeat.filter(device_id=self._pk, at__gte=from_, at__lt=to).order_by("-at", "-id")
        return await paginate(info, queryset, first, after, DeviceHeartbeat.of)

    @strawberry.field(description="The newest release on this synagogue's channel: what UPDATE_APP installs.")
    async def target_release(self, info: Info) -> SoftwareRelease | None:
        row = await target_release(info)
        return SoftwareRelease.of(row) if row else None

    @strawberry.field(
        description="True when the version the device last reported is the target release or newer; null "
        "when there is no release on the channel or the device never reported a version."
    )
    async def up_to_date(self, info: Info) -> bool | None:
        from services.devices.commands import version_key

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
    name: str
    device_count: int

    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)], description="The group's devices (members only).")
    async def devices(self, info: Info, first: int = 50, after: str | None = None) -> Connection[Device] | None:
        from services.devices.groups import group_queryset

        return await paginate(info, group_queryset(self.name), first, after, Device.of)
