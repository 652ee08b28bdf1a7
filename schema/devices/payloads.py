"""Mutation payloads of the devices domain: the object plus `userErrors`."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.devices.types import (
    Device,
    DeviceCommand,
    DeviceGroup,
    DeviceSettings,
    ReleaseChannel,
    SoftwareRelease,
)
from schema.errors import UserError


@strawberry.type(description="Show pairingCode on the screen; poll completeDevicePairing with deviceCode.")
class StartDevicePairingPayload:
    pairing_code: str
    device_code: str
    expires_at: dt.datetime
    poll_interval_seconds: int


@strawberry.type
class CompleteDevicePairingPayload:
    device_token: str | None = None
    device: Device | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DevicePayload:
    device: Device | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeviceGroupPayload:
    group: DeviceGroup | None = strawberry.field(default=None, description="The group now (null once emptied).")
    devices: list[Device] = strawberry.field(default_factory=list, description="The devices the change moved.")
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeviceCommandPayload:
    command: DeviceCommand | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="The outcome for one device of a batch command.")
class DeviceCommandResult:
    device_id: strawberry.ID
    command: DeviceCommand | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class SendDeviceCommandsPayload:
    batch_id: str | None = None
    results: list[DeviceCommandResult] = strawberry.field(default_factory=list)
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ReportDeviceHeartbeatPayload:
    ok: bool
    server_time: dt.datetime


@strawberry.type
class DeviceSettingsPayload:
    device: Device | None = None
    settings: DeviceSettings | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class SoftwareReleasePayload:
    release: SoftwareRelease | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ReleaseChannelPayload:
    channel: ReleaseChannel | None = None  # type: ignore[valid-type]
    user_errors: list[UserError] = strawberry.field(default_factory=list)
