"""Analytics types."""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from schema.devices.types import Device


@strawberry.enum
class MetricBucket(Enum):
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"


@strawberry.type(description="The synagogue's unrevoked devices by status.")
class FleetSummary:
    total: int
    online: int
    offline: int
    never_seen: int


@strawberry.type(description="One bucket of a device's heartbeat series (cpu and memory in percent).")
class MetricPoint:
    bucket_start: dt.datetime
    samples: int
    cpu_avg: float | None
    cpu_max: float | None
    memory_avg: float | None
    temperature_max: float | None


@strawberry.enum
class AnomalyMetric(Enum):
    CPU = "CPU"
    MEMORY = "MEMORY"
    TEMPERATURE = "TEMPERATURE"


@strawberry.type(description="A sample far from its device's usual values (score: standard deviations).")
class Anomaly:
    device: Device
    metric: AnomalyMetric
    at: dt.datetime
    value: float
    score: float
