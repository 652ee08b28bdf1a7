"""Webhook enums: the events an endpoint can subscribe to and the states of a delivery."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What a webhook can announce.")
class WebhookEvent(Enum):
    MESSAGE_CREATED = strawberry.enum_value(
        "MESSAGE_CREATED", description="An announcement was created; data: its id, title and body."
    )
    ALIYAH_ASSIGNED = strawberry.enum_value(
        "ALIYAH_ASSIGNED", description="Someone was given an aliyah; data: id, date, aliyah and personName."
    )
    MEMORIAL_IMPORT_FINISHED = strawberry.enum_value(
        "MEMORIAL_IMPORT_FINISHED", description="A memorial CSV import ended; data: jobId, imported, failed, total."
    )
    DEVICE_OFFLINE = strawberry.enum_value(
        "DEVICE_OFFLINE", description="A TV screen stopped checking in and is now offline; data: deviceId."
    )
    DEVICE_PAIRED = strawberry.enum_value(
        "DEVICE_PAIRED", description="An admin paired a new screen; data: deviceId (a global id) and name."
    )
    DEVICE_REVOKED = strawberry.enum_value(
        "DEVICE_REVOKED", description="An admin revoked a screen's token; data: deviceId (a global id) and name."
    )
    CONTENT_CREATED = strawberry.enum_value(
        "CONTENT_CREATED", description="Content was created; data: kind (MESSAGE, MEMORIAL, PRAYER_TIME, ...) and id."
    )
    CONTENT_UPDATED = strawberry.enum_value(
        "CONTENT_UPDATED", description="Content was changed; data: kind and id (a global id)."
    )
    CONTENT_DELETED = strawberry.enum_value(
        "CONTENT_DELETED", description="Content was deleted; data: kind and id (a global id)."
    )
    ALERT_OPENED = strawberry.enum_value(
        "ALERT_OPENED", description="An alert rule opened an alert; data: alertId, rule, device, value, message, ..."
    )
    ALERT_RESOLVED = strawberry.enum_value(
        "ALERT_RESOLVED", description="An alert resolved itself; data as for ALERT_OPENED, with resolvedAt."
    )
    YAHRZEIT_UPCOMING = strawberry.enum_value(
        "YAHRZEIT_UPCOMING",
        description="A memorial's yahrzeit is YAHRZEIT_REMINDER_DAYS away (every memorial, with a family address or "
        "not; once per yahrzeit); data: memorialId, name, date.",
    )


@strawberry.enum(description="Where a delivery stands.")
class WebhookDeliveryStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Not sent yet, or being retried after a failure.")
    DELIVERED = strawberry.enum_value("DELIVERED", description="The endpoint answered 2xx; it is never sent again.")
    FAILED = strawberry.enum_value(
        "FAILED", description="Given up: a permanent refusal, or every retry (about a day of them) failed."
    )
    DISCARDED = strawberry.enum_value(
        "DISCARDED", description="A FAILED delivery an admin discarded: it is never sent again, not even by retryJob."
    )
