"""The inputs of the devices domain's mutations, and the descriptions its paged fields' arguments share."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from schema.devices.enums import DeviceCommandKind, Orientation, ReleaseChannel, ScreenSection

FIRST = "How many to return (1 to 100)."
AFTER = "The cursor after which the page starts (a previous page's pageInfo.endCursor); null: the first page."
FROM = "The first moment included (with its offset)."
TO = "The first moment left out; after `from`."
TTL = (
    "Seconds the command stays deliverable (60 to 604800; default DEVICE_COMMAND_TTL_SECONDS); "
    "unacknowledged after that it becomes EXPIRED."
)
PAYLOAD = "The command's parameters, a JSON object: level (0 to 100) for SET_BRIGHTNESS and SET_VOLUME, version "
PAYLOAD += "for UPDATE_APP (the newest on the synagogue's channel when left out)."


@strawberry.input(description="What the TV tells about itself as it starts pairing; every field may be left out.")
class StartDevicePairingInput:
    model: str | None = strawberry.field(default=None, description="The hardware model (at most 120 characters kept).")
    app_version: str | None = strawberry.field(
        default=None, description="The TV app version (at most 40 characters kept)."
    )
    resolution: str | None = strawberry.field(
        default=None, description="The screen resolution, like 1920x1080 (at most 40 characters kept)."
    )


@strawberry.input(description="The code the TV shows, and what to call the device.")
class ClaimDeviceInput:
    pairing_code: str = strawberry.field(
        description="The code on the TV's screen, like BCDF-GHJK (case, spaces and dashes do not matter)."
    )
    name: str = strawberry.field(description="The device's name (1 to 120 characters).")
    location: str | None = strawberry.field(default=None, description="Where it hangs (at most 200 characters).")


@strawberry.input(description="One command to one device.")
class SendDeviceCommandInput:
    device_id: strawberry.ID = strawberry.field(description="The device's global id.")
    kind: DeviceCommandKind = strawberry.field(description="What the device should do.")
    payload: JSON | None = strawberry.field(default=None, description=PAYLOAD)
    ttl_seconds: int | None = strawberry.field(default=None, description=TTL)


@strawberry.input(description="One command to many devices: by ids, by group name, or both.")
class SendDeviceCommandsInput:
    kind: DeviceCommandKind = strawberry.field(description="What the devices should do.")
    device_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Devices by global id (with the group's, at most 500 in all)."
    )
    group: str | None = strawberry.field(
        default=None, description="A device group (updateDevice puts a device in one; deviceGroups lists them)."
    )
    payload: JSON | None = strawberry.field(default=None, description=PAYLOAD)
    ttl_seconds: int | None = strawberry.field(default=None, description=TTL)


@strawberry.input(description="Devices to put in one group, or take out of theirs.")
class MoveDevicesToGroupInput:
    device_ids: list[strawberry.ID] = strawberry.field(description="The devices by global id (1 to 500).")
    group: str = strawberry.field(description="The group to put them in; an empty string takes them out of theirs.")


@strawberry.input(description="A group to rename.")
class RenameDeviceGroupInput:
    name: str = strawberry.field(description="The group's name now.")
    new_name: str = strawberry.field(description="A group that already has this name takes in the devices.")


@strawberry.input(description="The device's answer to one of its commands.")
class AcknowledgeDeviceCommandInput:
    command_id: strawberry.ID = strawberry.field(description="The command's global id.")
    success: bool = strawberry.field(description="True: carried out (ACKNOWLEDGED); false: could not (FAILED).")
    detail: str | None = strawberry.field(
        default=None, description="What happened, for the synagogue's staff (at most 500 characters kept)."
    )


@strawberry.input(description="A health sample of the calling device; every field may be left out.")
class DeviceHeartbeatInput:
    cpu: float | None = strawberry.field(default=None, description="Processor load in percent (held to 0 to 100).")
    memory: float | None = strawberry.field(default=None, description="Memory in use in percent (held to 0 to 100).")
    temperature: float | None = strawberry.field(
        default=None, description="Temperature in degrees Celsius (held to -50 to 150)."
    )
    uptime_seconds: int | None = strawberry.field(default=None, description="Seconds since the device started.")
    disk: float | None = strawberry.field(default=None, description="Disk in use in percent (held to 0 to 100).")
    free_storage_mb: float | None = strawberry.field(
        default=None, description="Free storage in megabytes (held to 0 to 10^9)."
    )
    app_version: str | None = strawberry.field(
        default=None,
        description="The TV app version running (at most 40 characters kept); closes an open UPDATE_APP to it.",
    )


@strawberry.input(description="Fields left out keep their value.")
class UpdateDeviceInput:
    id: strawberry.ID = strawberry.field(description="The device's global id.")
    name: str | None = strawberry.field(default=None, description="A new name (1 to 120 characters).")
    location: str | None = strawberry.field(default=None, description="Where it hangs (at most 200 characters).")
    group: str | None = strawberry.field(default=None, description="The device's group; an empty string takes it out.")


@strawberry.input(description="One panel of the screen's rotation.")
class PanelSettingInput:
    panel: ScreenSection = strawberry.field(description="What the panel shows.")
    seconds: int = strawberry.field(description="Seconds it stays up (3 to 3600).")


@strawberry.input(description="This screen's overrides of the synagogue's daily content preferences, replaced whole.")
class ContentOverridesInput:
    hidden_sections: list[ScreenSection] = strawberry.field(
        default_factory=list, description="Sections this screen leaves out."
    )
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
    device_id: strawberry.ID = strawberry.field(description="The device's global id.")
    orientation: Orientation | None = strawberry.field(default=None, description="Which way up the screen hangs.")
    language: str | None = strawberry.field(default=None, description="The labels' language (at most 16 characters).")
    theme: str | None = strawberry.field(
        default=None, description="The TV app's theme by name (at most 40 characters)."
    )
    brightness: int | None = strawberry.field(default=None, description="Brightness in percent (0 to 100).")
    night_start: dt.time | None = strawberry.field(
        default=None, description="When night hours begin (HH:MM, the screen's clock); give nightEnd with it."
    )
    night_end: dt.time | None = strawberry.field(
        default=None, description="When night hours end (HH:MM, the screen's clock); give nightStart with it."
    )
    night_brightness: int | None = strawberry.field(
        default=None, description="Brightness in percent during night hours (0 to 100)."
    )
    panels: list[PanelSettingInput] | None = strawberry.field(
        default=None, description="The whole rotation, in order (replaces the one before)."
    )
    content_overrides: ContentOverridesInput | None = strawberry.field(
        default=None, description="The screen's overrides of the daily content preferences (replaces the ones before)."
    )


@strawberry.input(description="A TV app build to add to the catalogue.")
class PublishSoftwareReleaseInput:
    version: str = strawberry.field(description="Like 1.4.2 or 1.5.0-beta.1; once per channel.")
    channel: ReleaseChannel = strawberry.field(description="The channel to publish on.")
    url: str = strawberry.field(description="Where screens download it: an https URL of at most 500 characters.")
    checksum: str = strawberry.field(description="The build's SHA-256 digest in hex, with or without a sha256: prefix.")
    notes: str | None = strawberry.field(default=None, description="What changed, for the synagogues' staff.")


@strawberry.input(description="The channel for this synagogue's devices.")
class SetReleaseChannelInput:
    channel: ReleaseChannel = strawberry.field(description="The channel its devices follow from now on.")
