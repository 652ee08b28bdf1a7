"""Inputs of the devices domain."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from schema.devices.types import DeviceCommandKind, Orientation, ReleaseChannel, ScreenSection

TTL = (
    "Seconds the command stays deliverable (60 to 604800; default DEVICE_COMMAND_TTL_SECONDS); "
    "unacknowledged after that it becomes EXPIRED."
)


@strawberry.input
class StartDevicePairingInput:
    model: str | None = None
    app_version: str | None = None
    resolution: str | None = None


@strawberry.input
class ClaimDeviceInput:
    pairing_code: str
    name: str
    location: str | None = None


@strawberry.input
class SendDeviceCommandInput:
    device_id: strawberry.ID
    kind: DeviceCommandKind  # type: ignore[valid-type]
    payload: JSON | None = None
    ttl_seconds: int | None = strawberry.field(default=None, description=TTL)


@strawberry.input(description="One command to many devices: by ids, by group name, or both.")
class SendDeviceCommandsInput:
    kind: DeviceCommandKind  # type: ignore[valid-type]
    device_ids: list[strawberry.ID] | None = None
    group: str | None = strawberry.field(
        default=None, description="A device group (updateDevice puts a device in one; deviceGroups lists them)."
    )
    payload: JSON | None = None
    ttl_seconds: int | None = strawberry.field(default=None, description=TTL)


@strawberry.input
class MoveDevicesToGroupInput:
    device_ids: list[strawberry.ID]
    group: str = strawberry.field(description="The group to put them in; an empty string takes them out of theirs.")


@strawberry.input
class RenameDeviceGroupInput:
    name: str
    new_name: str = strawberry.field(description="A group that already has this name takes in the devices.")


@strawberry.input
class AcknowledgeDeviceCommandInput:
    command_id: strawberry.ID
    success: bool
    detail: str | None = None


@strawberry.input
class DeviceHeartbeatInput:
    cpu: float | None = None
    memory: float | None = None
    temperature: float | None = None
    uptime_seconds: int | None = None
    app_version: str | None = None


@strawberry.input
class UpdateDeviceInput:
    id: strawberry.ID
    name: str | None = None
    location: str | None = None
    group: str | None = strawberry.field(default=None, description="The device's group; an empty string takes it out.")


@strawberry.input
class PanelSettingInput:
    panel: ScreenSection
    seconds: int


@strawberry.input
class ContentOverridesInput:
    hidden_sections: list[ScreenSection] = strawberry.field(default_factory=list)
    shown_sections: list[ScreenSection] = strawberry.field(
        default_factory=list,
        description="Daily items (HEBREW_DATE, PARASHA, OMER, DAF_YOMI) this screen shows even where the "
        "synagogue's daily content preferences leave them out.",
    )
    zmanim_keys: list[str] | None = strawberry.field(
        default=None,
        description="Which zmanim this screen shows, in this order (any zman key, chosen by the synagogue or "
        "not). Null: the synagogue's daily content preferences.",
    )
    max_messages: int | None = strawberry.field(default=None, description="At most this many messages (0 to 50).")


@strawberry.input(description="Fields left out keep their value.")
class UpdateDeviceSettingsInput:
    device_id: strawberry.ID
    orientation: Orientation | None = None
    language: str | None = None
    theme: str | None = None
    brightness: int | None = None
    night_start: dt.time | None = None
    night_end: dt.time | None = None
    night_brightness: int | None = None
    panels: list[PanelSettingInput] | None = None
    content_overrides: ContentOverridesInput | None = None


@strawberry.input
class PublishSoftwareReleaseInput:
    version: str
    channel: ReleaseChannel  # type: ignore[valid-type]
    url: str
    checksum: str
    notes: str | None = None


@strawberry.input
class SetReleaseChannelInput:
    channel: ReleaseChannel  # type: ignore[valid-type]
