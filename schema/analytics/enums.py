"""The enums of fleet analytics: how finely a metric series is bucketed, the metrics of heartbeats, and what alert
rules watch and alerts are."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="The width of one bucket of a metric series.")
class MetricBucket(Enum):
    MINUTE = strawberry.enum_value("MINUTE", description="One minute, from the raw heartbeats.")
    HOUR = strawberry.enum_value("HOUR", description="One hour, from the hourly aggregates.")
    DAY = strawberry.enum_value(
        "DAY", description="One day of the synagogue's time zone (23 or 25 hours across a clock change)."
    )
    WEEK = strawberry.enum_value("WEEK", description="One week of the synagogue's time zone, from Sunday.")


@strawberry.enum(description="A metric of a device's heartbeats.")
class AnomalyMetric(Enum):
    CPU = strawberry.enum_value("CPU", description="Processor load, in percent.")
    MEMORY = strawberry.enum_value("MEMORY", description="Memory in use, in percent.")
    TEMPERATURE = strawberry.enum_value("TEMPERATURE", description="Temperature, in degrees Celsius.")
    DISK = strawberry.enum_value("DISK", description="Disk in use, in percent.")
    FREE_STORAGE = strawberry.enum_value("FREE_STORAGE", description="Free storage, in megabytes.")


@strawberry.enum(description="What an alert rule watches; the rule's threshold, duration and hysteresis read so.")
class AlertRuleKind(Enum):
    DEVICE_OFFLINE = strawberry.enum_value(
        "DEVICE_OFFLINE", description="Silent for more than threshold minutes; resolves once back online."
    )
    METRIC_ABOVE = strawberry.enum_value(
        "METRIC_ABOVE",
        description="metric above threshold for durationMinutes; resolves once below threshold - hysteresis as "
        "long.",
    )
    METRIC_BELOW = strawberry.enum_value(
        "METRIC_BELOW",
        description="metric below threshold for durationMinutes; resolves once above threshold + hysteresis as "
        "long.",
    )
    VERSION_BEHIND = strawberry.enum_value(
        "VERSION_BEHIND",
        description="The app behind its release channel's newest release for more than threshold days; resolves "
        "once it runs it.",
    )
    HEARTBEAT_GAP = strawberry.enum_value(
        "HEARTBEAT_GAP",
        description="A gap over threshold minutes between heartbeats in the last durationMinutes; resolves once "
        "none over threshold - hysteresis is left.",
    )
    ANOMALY_SCORE = strawberry.enum_value(
        "ANOMALY_SCORE",
        description="An anomaly (of metric, or any) scored threshold or more in the last durationMinutes; "
        "resolves once none over threshold - hysteresis is left.",
    )


@strawberry.enum(description="Which devices a rule watches.")
class AlertTarget(Enum):
    ALL = strawberry.enum_value("ALL", description="Every device of the synagogue (not revoked).")
    GROUP = strawberry.enum_value("GROUP", description="The devices of one group.")
    DEVICE = strawberry.enum_value("DEVICE", description="One device.")


@strawberry.enum(description="Where an alert stands.")
class AlertStatus(Enum):
    OPEN = strawberry.enum_value("OPEN", description="The rule's condition holds (or has not cleared yet).")
    RESOLVED = strawberry.enum_value("RESOLVED", description="The condition cleared; the alert is history.")
