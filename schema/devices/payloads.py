"""Mutation payloads of the devices domain: the object plus `userErrors` (expected failures: a missing device,
an invalid value), which leave everything unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.devices.enums import ReleaseChannel
from schema.devices.types import Device, DeviceCommand, DeviceGroup, DeviceSettings, SoftwareRelease
from schema.errors import UserError

USER_ERRORS = "Why nothing was changed; empty on success."


def user_errors_field() -> Any:
    return strawberry.field(default_factory=list, description=USER_ERRORS)


@strawberry.type(description="Show pairingCode on the screen; poll completeDevicePairing with deviceCode.")
class StartDevicePairingPayload:
    pairing_code: str = strawberry.field(
        description="The code to show on the TV, like BCDF-GHJK, for an admin to claim."
    )
    device_code: str = strawberry.field(description="The TV's secret for completeDevicePairing; never shown.")
    expires_at: dt.datetime = strawberry.field(description="The code stops working then; start again after it.")
    poll_interval_seconds: int = strawberry.field(description="Poll completeDevicePairing at most this often.")


@strawberry.type(description="The device token once an admin claimed the code, or why not yet.")
class CompleteDevicePairingPayload:
    device_token: str | None = strawberry.field(
        default=None, description="The device's credential (Authorization: Device <token>), given exactly once."
    )
    device: Device | None = strawberry.field(default=None, description="The device the code was claimed as.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list,
        description="AUTHORIZATION_PENDING, SLOW_DOWN, EXPIRED_TOKEN, ALREADY_USED or NOT_FOUND while there is "
        "no token.",
    )


@strawberry.type(description="A device after the change.")
class DevicePayload:
    device: Device | None = strawberry.field(default=None, description="The device; null on an error.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="A device group after the change.")
class DeviceGroupPayload:
    group: DeviceGroup | None = strawberry.field(default=None, description="The group now (null once emptied).")
    devices: list[Device] = strawberry.field(default_factory=list, description="The devices the change moved.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="A command after the change.")
class DeviceCommandPayload:
    command: DeviceCommand | None = strawberry.field(
        default=None, description="The command; null when it was not written or not found."
    )
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The outcome for one device of a batch command.")
class DeviceCommandResult:
    device_id: strawberry.ID = strawberry.field(description="The device's global id, as named or as a group member.")
    command: DeviceCommand | None = strawberry.field(default=None, description="Its command; null on an error.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why this device got no command; empty when it got one."
    )


@strawberry.type(description="One command to many devices: the batch, and an outcome per device.")
class SendDeviceCommandsPayload:
    batch_id: str | None = strawberry.field(
        default=None, description="Names the batch (its commands share it); null when the request was refused."
    )
    results: list[DeviceCommandResult] = strawberry.field(
        default_factory=list, description="One per device reached: the named ones in order, then the group's."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why no command was sent to any device; empty otherwise."
    )


@strawberry.type(description="The server's receipt of a heartbeat.")
class ReportDeviceHeartbeatPayload:
    ok: bool = strawberry.field(description="True when the sample was recorded.")
    server_time: dt.datetime = strawberry.field(description="The server's clock, to set the device's own by.")


@strawberry.type(description="A device's settings after the change.")
class DeviceSettingsPayload:
    device: Device | None = strawberry.field(default=None, description="The device; null on an error.")
    settings: DeviceSettings | None = strawberry.field(default=None, description="Its settings now; null on an error.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="A release after publishing.")
class SoftwareReleasePayload:
    release: SoftwareRelease | None = strawberry.field(default=None, description="The release; null on an error.")
    user_errors: list[UserError] = user_errors_field()


@strawberry.type(description="The synagogue's release channel after the change.")
class ReleaseChannelPayload:
    channel: ReleaseChannel | None = strawberry.field(default=None, description="The channel its devices follow now.")
    user_errors: list[UserError] = user_errors_field()
