"""The enums of fleet analytics: how finely a metric series is bucketed, and which metric an anomaly is of."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="The width of one bucket of a metric series (buckets start on UTC boundaries).")
class MetricBucket(Enum):
    MINUTE = strawberry.enum_value("MINUTE", description="One minute, from the raw heartbeats.")
    HOUR = strawberry.enum_value("HOUR", description="One hour, from the hourly aggregates.")
    DAY = strawberry.enum_value("DAY", description="One UTC day, from the hourly aggregates.")


@strawberry.enum(description="A metric of a device's heartbeats.")
class AnomalyMetric(Enum):
    CPU = strawberry.enum_value("CPU", description="Processor load, in percent.")
    MEMORY = strawberry.enum_value("MEMORY", description="Memory in use, in percent.")
    TEMPERATURE = strawberry.enum_value("TEMPERATURE", description="Temperature, in degrees Celsius.")
