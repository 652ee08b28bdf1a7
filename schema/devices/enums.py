"""The enums of the devices domain as the API shows them, each value with what it means to a synagogue.

They carry the same names as the models' and services' enums (`models.devices`, `services.devices.registry`), which
stay free of GraphQL; resolvers and types convert by value.
"""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Whether a screen shows signs of life, from its heartbeats and live subscriptions.")
class DeviceStatus(Enum):
    ONLINE = strawberry.enum_value(
        "ONLINE",
        description="A heartbeat or a live subscription within the online window (DEVICE_ONLINE_WINDOW_SECONDS, "
        "90 seconds by default).",
    )
    OFFLINE = strawberry.enum_value("OFFLINE", description="Seen before, but not within the online window.")
    NEVER_SEEN = strawberry.enum_value("NEVER_SEEN", description="Claimed, but never seen since it was paired.")
    REVOKED = strawberry.enum_value("REVOKED", description="Its token was revoked: it can no longer connect.")


@strawberry.enum(description="Which way up a screen hangs; the TV app turns its picture to match.")
class Orientation(Enum):
    LANDSCAPE = strawberry.enum_value("LANDSCAPE", description="Wider than tall, the usual way up.")
    PORTRAIT = strawberry.enum_value("PORTRAIT", description="Taller than wide.")
    LANDSCAPE_FLIPPED = strawberry.enum_value("LANDSCAPE_FLIPPED", description="Wider than tall, upside down.")
    PORTRAIT_FLIPPED = strawberry.enum_value("PORTRAIT_FLIPPED", description="Taller than wide, upside down.")


@strawberry.enum(description="A part of what a screen shows: a panel of its rotation, or a daily item.")
class ScreenSection(Enum):
    ZMANIM = strawberry.enum_value("ZMANIM", description="Today's halachic times.")
    PRAYERS = strawberry.enum_value("PRAYERS", description="Today's prayer times (minyanim).")
    MESSAGES = strawberry.enum_value("MESSAGES", description="The synagogue's announcements that are running now.")
    YAHRZEITS = strawberry.enum_value("YAHRZEITS", description="The memorial (yahrzeit) board.")
    CLASSES = strawberry.enum_value("CLASSES", description="Today's Torah classes.")
    HOLIDAYS = strawberry.enum_value("HOLIDAYS", description="Today's holidays and fast days.")
    HEBREW_DATE = strawberry.enum_value("HEBREW_DATE", description="A daily item: today's Hebrew date.")
    PARASHA = strawberry.enum_value("PARASHA", description="A daily item: this week's Torah portion.")
    OMER = strawberry.enum_value("OMER", description="A daily item: the day of the Omer count, while counting.")
    DAF_YOMI = strawberry.enum_value("DAF_YOMI", description="A daily item: today's Daf Yomi page.")


@strawberry.enum(name="DeviceCommandKind", description="What a command asks a screen to do.")
class DeviceCommandKind(Enum):
    RELOAD = strawberry.enum_value("RELOAD", description="Reload the TV app.")
    REBOOT = strawberry.enum_value("REBOOT", description="Restart the device.")
    SCREENSHOT = strawberry.enum_value("SCREENSHOT", description="Take a picture of what the screen shows now.")
    UPDATE_APP = strawberry.enum_value(
        "UPDATE_APP",
        description="Install a release: payload.version on the synagogue's channel, else the newest there. Done "
        "once the device reports running it.",
    )
    SET_BRIGHTNESS = strawberry.enum_value(
        "SET_BRIGHTNESS", description="Set the screen's brightness to payload.level, in percent (0 to 100)."
    )
    SET_VOLUME = strawberry.enum_value(
        "SET_VOLUME", description="Set the device's volume to payload.level, in percent (0 to 100)."
    )


@strawberry.enum(
    name="DeviceCommandStatus",
    description="Where a command stands; it only moves forward: PENDING, DELIVERED, then ACKNOWLEDGED, FAILED "
    "or EXPIRED.",
)
class DeviceCommandStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Written, not yet handed to the device.")
    DELIVERED = strawberry.enum_value("DELIVERED", description="Handed to the device, not yet answered.")
    ACKNOWLEDGED = strawberry.enum_value("ACKNOWLEDGED", description="The device carried it out.")
    FAILED = strawberry.enum_value("FAILED", description="The device answered that it could not carry it out.")
    EXPIRED = strawberry.enum_value(
        "EXPIRED",
        description="Not answered within its time to live, or its device was revoked; it is no longer delivered.",
    )


@strawberry.enum(name="ReleaseChannel", description="A line of TV app releases that a synagogue's screens follow.")
class ReleaseChannel(Enum):
    STABLE = strawberry.enum_value("STABLE", description="Releases for every synagogue (the default).")
    BETA = strawberry.enum_value("BETA", description="Earlier releases, for synagogues that try them first.")


@strawberry.enum(description="What happened, in a live event of the admin dashboard.")
class TenantEventKind(Enum):
    DEVICE_ONLINE = strawberry.enum_value("DEVICE_ONLINE", description="A screen came online.")
    DEVICE_OFFLINE = strawberry.enum_value(
        "DEVICE_OFFLINE", description="A screen was not seen within the online window (90 seconds by default)."
    )
    DEVICE_CLAIMED = strawberry.enum_value("DEVICE_CLAIMED", description="An admin paired a new screen.")
    DEVICE_REVOKED = strawberry.enum_value("DEVICE_REVOKED", description="An admin revoked a screen's token.")
    COMMAND_ACKNOWLEDGED = strawberry.enum_value(
        "COMMAND_ACKNOWLEDGED", description="A screen carried out a command (detail.commandId names it)."
    )
    COMMAND_FAILED = strawberry.enum_value(
        "COMMAND_FAILED", description="A screen could not carry out a command (detail.commandId names it)."
    )
    COMMAND_EXPIRED = strawberry.enum_value(
        "COMMAND_EXPIRED", description="A command went unanswered past its time to live (detail.commandId names it)."
    )
    ALERT = strawberry.enum_value(
        "ALERT",
        description="Reserved, never sent: alerts come as ALERT_OPENED and ALERT_RESOLVED.",
        deprecation_reason="Never sent; use ALERT_OPENED and ALERT_RESOLVED.",
    )
    ALERT_OPENED = strawberry.enum_value(
        "ALERT_OPENED", description="An alert rule opened an alert (detail.alertId names it, detail.rule its rule)."
    )
    ALERT_RESOLVED = strawberry.enum_value(
        "ALERT_RESOLVED", description="An alert resolved itself (detail.alertId names it, detail.rule its rule)."
    )
