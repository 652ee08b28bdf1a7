"""The types of fleet analytics: a synagogue's screens by status, a device's metric series, and the samples far
from their device's usual values."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.analytics.enums import AnomalyMetric
from schema.devices.types import Device
from services.analytics import fleet


@strawberry.type(description="The synagogue's unrevoked devices by status.")
class FleetSummary:
    total: int = strawberry.field(description="Every device not revoked.")
    online: int = strawberry.field(description="Those seen within the online window (90 seconds by default).")
    offline: int = strawberry.field(description="Those seen before, but not within the online window.")
    never_seen: int = strawberry.field(description="Those never seen since they were claimed.")

    @classmethod
    def of(cls, counts: fleet.FleetCounts) -> FleetSummary:
        return cls(total=counts.total, online=counts.online, offline=counts.offline, never_seen=counts.never_seen)


@strawberry.type(description="One bucket of a device's heartbeat series (cpu and memory in percent).")
class MetricPoint:
    bucket_start: dt.datetime = strawberry.field(description="Where the bucket starts (UTC).")
    samples: int = strawberry.field(description="How many heartbeats fell in it.")
    cpu_avg: float | None = strawberry.field(description="Average processor load in percent; null: none reported.")
    cpu_max: float | None = strawberry.field(description="Highest processor load in percent; null: none reported.")
    memory_avg: float | None = strawberry.field(description="Average memory in use in percent; null: none reported.")
    temperature_max: float | None = strawberry.field(
        description="Highest temperature in degrees Celsius; null: none reported."
    )

    @classmethod
    def of(cls, point: fleet.MetricPoint) -> MetricPoint:
        return cls(
            bucket_start=point.bucket_start,
            samples=point.samples,
            cpu_avg=point.cpu_avg,
            cpu_max=point.cpu_max,
            memory_avg=point.memory_avg,
            temperature_max=point.temperature_max,
        )


@strawberry.type(description="A sample far from its device's usual values (score: standard deviations).")
class Anomaly:
    device: Device = strawberry.field(description="The device that reported it.")
    metric: AnomalyMetric = strawberry.field(description="Which metric is unusual.")
    at: dt.datetime = strawberry.field(description="When the sample was received.")
    value: float = strawberry.field(description="The sample's value, in the metric's unit.")
    score: float = strawberry.field(
        description="How far from the device's mean in the range, in standard deviations (3 or more)."
    )
