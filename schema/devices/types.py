"""Device types: devices, their settings and commands, software releases, tenant events."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON

from models import devices as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import graphql_error
from schema.relay import Connection, Node, paginate, to_global_id
from services.errors import ErrorCode


@strawberry.enum
class DeviceStatus(Enum):
    ONLINE = "ONLINE"
    OFFLINE = "OFFLINE"
    NEVER_SEEN = "NEVER_SEEN"
    REVOKED = "REVOKED"


DeviceCommandKind = strawberry.enum(m.CommandKind, name="DeviceCommandKind")
DeviceCommandStatus = strawberry.enum(m.CommandStatus, name="DeviceCommandStatus")
ReleaseChannel = strawberry.enum(m.ReleaseChannel, name="ReleaseChannel")


@strawberry.enum
class Orientation(Enum):
    LANDSCAPE = "LANDSCAPE"
    PORTRAIT = "PORTRAIT"
    LANDSCAPE_FLIPPED = "LANDSCAPE_FLIPPED"
    PORTRAIT_FLIPPED = "PORTRAIT_FLIPPED"


@strawberry.enum
class ScreenSection(Enum):
    ZMANIM = "ZMANIM"
    PRAYERS = "PRAYERS"
    MESSAGES = "MESSAGES"
    YAHRZEITS = "YAHRZEITS"
    CLASSES = "CLASSES"
    HOLIDAYS = "HOLIDAYS"


@strawberry.type(description="One panel of the screen's rotation and how long it stays up.")
class PanelSetting:
    panel: ScreenSection
    seconds: int


@strawberry.type(description="This device's overrides of the synagogue's daily content preferences.")
class ContentOverrides:
    hidden_sections: list[ScreenSection]
    zmanim_keys: list[str] | None
    max_messages: int | None

    @classmethod
    def of(cls, raw: dict[str, Any]) -> ContentOverrides:
        hidden = [ScreenSection(s) for s in raw.get("hiddenSections", []) if s in ScreenSection.__members__]
        keys = raw.get("zmanimKeys")
        limit = raw.get("maxMessages")
        return cls(
            hidden_sections=hidden,
            zmanim_keys=[str(k) for k in keys] if isinstance(keys, list) else None,
            max_messages=int(limit) if isinstance(limit, int) else None,
        )


@strawberry.type(description="How a screen presents itself: the screen timers and night mode included.")
class DeviceSettings:
    orientation: Orientation
    language: str
    theme: str
    brightness: int
    night_start: dt.time | None
    night_end: dt.time | None
    night_brightness: int
    panels: list[PanelSetting]
    content_overrides: ContentOverrides

    @classmethod
    def of(cls, row: m.DeviceSettings) -> DeviceSettings:
        panels = [
            PanelSetting(panel=ScreenSection(p["panel"]), seconds=int(str(p["seconds"])))
            for p in row.panels
            if isinstance(p, dict) and p.get("panel") in ScreenSection.__members__
        ]
        return cls(
            orientation=Orientation(row.orientation),
            language=row.language,
            theme=row.theme,
            brightness=row.brightness,
            night_start=dt.time.fromisoformat(row.night_start) if row.night_start else None,
            night_end=dt.time.fromisoformat(row.night_end) if row.night_end else None,
            night_brightness=row.night_brightness,
            panels=panels,
            content_overrides=ContentOverrides.of(row.content_overrides),
        )


@strawberry.type
class DeviceCommand(Node):
    id: strawberry.ID
    kind: DeviceCommandKind  # type: ignore[valid-type]
    status: DeviceCommandStatus  # type: ignore[valid-type]
    payload: JSON
    issued_at: dt.datetime
    delivered_at: dt.datetime | None
    completed_at: dt.datetime | None
    expires_at: dt.datetime
    detail: str
    _device_id: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.DeviceCommand) -> DeviceCommand:
        return cls(
            id=strawberry.ID(to_global_id("DeviceCommand", row.id)),
            kind=row.kind,
            status=row.status,
            payload=cast(JSON, row.payload),
            issued_at=row.issued_at,
            delivered_at=row.delivered_at,
            completed_at=row.completed_at,
            expires_at=row.expires_at,
            detail=row.detail,
            _device_id=row.device_id,
        )

    @strawberry.field
    def device_id(self) -> strawberry.ID:
        return strawberry.ID(to_global_id("Device", self._device_id))


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
        from resolvers.devices.loaders import identity_loader
        from services.devices import status_of

        identity = await identity_loader(info).load(self._pk)
        return DeviceStatus(status_of(identity, window=info.context.settings.device_online_window_seconds))

    @strawberry.field
    async def last_seen_at(self, info: Info) -> dt.datetime | None:
        from resolvers.devices.loaders import identity_loader

        identity = await identity_loader(info).load(self._pk)
        return identity.last_seen_at if identity else None

    @strawberry.field
    async def settings(self, info: Info) -> DeviceSettings:
        row = await m.DeviceSettings.get_or_none(device_id=self._pk)
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
        row = await _target_release(info)
        return SoftwareRelease.of(row) if row else None

    @strawberry.field(
        description="True when the version the device last reported is the target release or newer; null "
        "when there is no release on the channel or the device never reported a version."
    )
    async def up_to_date(self, info: Info) -> bool | None:
        from services.device_commands import version_key

        row = await _target_release(info)
        if row is None or not self.app_version:
            return None
        return version_key(self.app_version) >= version_key(row.version)


async def _target_release(info: Info) -> m.SoftwareRelease | None:
    """The tenant's target release, read once per request however many devices ask."""
    from services.device_commands import latest_release, release_channel

    async def load(keys: list[int]) -> list[m.SoftwareRelease | None]:
        row = await latest_release(await release_channel())
        return [row for _ in keys]

    loader = info.context.loaders.get("devices_target_release", load)
    result: m.SoftwareRelease | None = await loader.load(0)
    return result


@strawberry.type
class SoftwareRelease(Node):
    id: strawberry.ID
    version: str
    channel: ReleaseChannel  # type: ignore[valid-type]
    url: str
    checksum: str
    notes: str
    published_at: dt.datetime

    @classmethod
    def of(cls, row: m.SoftwareRelease) -> SoftwareRelease:
        return cls(
            id=strawberry.ID(to_global_id("SoftwareRelease", row.id)),
            version=row.version,
            channel=row.channel,
            url=row.url,
            checksum=row.checksum,
            notes=row.notes,
            published_at=row.published_at,
        )


@strawberry.enum
class TenantEventKind(Enum):
    DEVICE_ONLINE = "DEVICE_ONLINE"
    DEVICE_OFFLINE = "DEVICE_OFFLINE"
    DEVICE_CLAIMED = "DEVICE_CLAIMED"
    DEVICE_REVOKED = "DEVICE_REVOKED"
    COMMAND_ACKNOWLEDGED = "COMMAND_ACKNOWLEDGED"
    COMMAND_FAILED = "COMMAND_FAILED"
    COMMAND_EXPIRED = "COMMAND_EXPIRED"
    ALERT = "ALERT"


@strawberry.type(description="A live event of a synagogue for the admin dashboard.")
class TenantEvent:
    kind: TenantEventKind
    at: dt.datetime
    device_id: strawberry.ID | None
    detail: JSON

    @classmethod
    def of(cls, raw: dict[str, Any]) -> TenantEvent | None:
        kind = raw.get("kind")
        if kind not in TenantEventKind.__members__:
            return None
        device = raw.get("deviceId")
        return cls(
            kind=TenantEventKind(kind),
            at=dt.datetime.fromisoformat(str(raw["at"])),
            device_id=strawberry.ID(to_global_id("Device", device)) if isinstance(device, int) else None,
            detail=cast(JSON, _public_detail(raw.get("detail") or {})),
        )


def _public_detail(detail: dict[str, Any]) -> dict[str, Any]:
    out = dict(detail)
    command = out.pop("commandId", None)
    if isinstance(command, int):
        out["commandId"] = to_global_id("DeviceCommand", command)
    return out
