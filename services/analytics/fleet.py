"""Fleet analytics from the heartbeat series: status counts and bucketed metrics.

MINUTE buckets read the raw samples; HOUR buckets the hourly rollups; DAY and WEEK buckets (weeks start on Sunday)
sum the hourly rollups per day or week of the synagogue's time zone, so a day across a daylight-saving change
has 23 or 25 hours and starts at local midnight. On PostgreSQL that grouping happens in the database
(`models.analytics.zone_buckets`); the embedded SQLite has no time zones, so the same grouping is done here in
Python over the same rows, with the same answers. An hour is counted in the local day its start falls in.
Requests that would exceed the bounds are refused.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.queryset import QuerySet

from config import get_settings
from models.analytics import zone_buckets
from models.devices import Device, DeviceHeartbeat, DeviceIdentity, DeviceMetricHour
from services.devices.registry import DeviceStatus, status_of
from services.infra.errors import ServiceError

MAX_BUCKETS = 2000
MAX_SAMPLES = 200_000


class Bucket(StrEnum):
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"


SIZES = {
    Bucket.MINUTE: timedelta(minutes=1),
    Bucket.HOUR: timedelta(hours=1),
    Bucket.DAY: timedelta(days=1),
    Bucket.WEEK: timedelta(days=7),
}


@dataclass(frozen=True)
class FleetCounts:
    total: int
    online: int
    offline: int
    never_seen: int


async def fleet_counts(tenant_id: int, window: int) -> FleetCounts:
    """Counts of the current tenant's unrevoked devices by status."""
    ids: list[int] = [int(pk) for pk in await Device.filter(revoked_at=None).values_list("id", flat=True)]  # type: ignore[call-overload]
    identities = {row.device_id: row for row in await DeviceIdentity.filter(tenant_id=tenant_id, device_id__in=ids)}
    now = datetime.now(UTC)
    statuses = [status_of(identities.get(pk), now, window) for pk in ids]
    return FleetCounts(
        total=len(statuses),
        online=statuses.count(DeviceStatus.ONLINE),
        offline=statuses.count(DeviceStatus.OFFLINE),
        never_seen=statuses.count(DeviceStatus.NEVER_SEEN),
    )


@dataclass(frozen=True)
class MetricPoint:
    bucket_start: datetime
    samples: int
    cpu_avg: float | None
    cpu_max: float | None
    memory_avg: float | None
    temperature_max: float | None


def check_range(
    start: datetime, end: datetime, bucket: Bucket | None = None, max_span: timedelta | None = None
) -> None:
    if end <= start:
        raise ServiceError("`to` must be after `from`")
    if max_span is not None and end - start > max_span:
        raise ServiceError(f"at most {max_span.days} days per request")
    if bucket is not None and (end - start) / SIZES[bucket] > MAX_BUCKETS:
        raise ServiceError(f"at most {MAX_BUCKETS} buckets per request; choose a larger bucket")


def hour_floor(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def local_bucket(at: datetime, zone: ZoneInfo, bucket: Bucket) -> datetime:
    """The start (an instant) of the local day or week (from Sunday) of `zone` that `at` falls in."""
    day: date = at.astimezone(zone).date()
    if bucket == Bucket.WEEK:
        day -= timedelta(days=(day.weekday() + 1) % 7)
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _round(total: float, count: int) -> float | None:
    return round(total / count, 2) if count else None


def _point(start: datetime, row: dict[str, Any]) -> MetricPoint:
    return MetricPoint(
        bucket_start=start,
        samples=int(row["samples"] or 0),
        cpu_avg=_round(float(row["cpu_sum"] or 0), int(row["cpu_count"] or 0)),
        cpu_max=row["cpu_max"],
        memory_avg=_round(float(row["memory_sum"] or 0), int(row["memory_count"] or 0)),
        temperature_max=row["temperature_max"],
    )


def _summed(rows: Iterable[DeviceMetricHour]) -> dict[str, Any]:
    rows = list(rows)
    cpu_peaks = [r.cpu_max for r in rows if r.cpu_max is not None]
    temperature_peaks = [r.temperature_max for r in rows if r.temperature_max is not None]
    return {
        "samples": sum(r.samples for r in rows),
        "cpu_sum": sum(r.cpu_sum for r in rows),
        "cpu_count": sum(r.cpu_count for r in rows),
        "cpu_max": max(cpu_peaks) if cpu_peaks else None,
        "memory_sum": sum(r.memory_sum for r in rows),
        "memory_count": sum(r.memory_count for r in rows),
        "temperature_max": max(temperature_peaks) if temperature_peaks else None,
    }


async def metric_series(
    device_id: int, start: datetime, end: datetime, bucket: Bucket, zone: str = "UTC"
) -> list[MetricPoint]:
    """The device's samples aggregated per bucket, for the buckets that overlap [start, end); empty buckets are
    left out. DAY and WEEK are days and weeks of `zone` (see the module)."""
    check_range(start, end, bucket)
    if bucket == Bucket.MINUTE:
        return await _raw_series(device_id, start, end)
    if bucket == Bucket.HOUR:
        rows = await _hours(device_id, hour_floor(start), end).values("hour", *HOUR_COLUMNS)
        return [_point(row["hour"], row) for row in rows]
    tz = ZoneInfo(zone)
    first = local_bucket(start, tz, bucket)
    if not get_settings().is_sqlite:
        rows = await zone_buckets(device_id, first, end, zone, bucket.value)
        return [_point(row["bucket_start"], row) for row in rows]
    grouped: dict[datetime, list[DeviceMetricHour]] = defaultdict(list)
    for row in await _hours(device_id, first, end):  # SQLite: grouped here, as PostgreSQL groups in zone_buckets
        grouped[local_bucket(row.hour, tz, bucket)].append(row)
    return [_point(key, _summed(grouped[key])) for key in sorted(grouped)]


HOUR_COLUMNS = ("samples", "cpu_sum", "cpu_count", "cpu_max", "memory_sum", "memory_count", "temperature_max")


def _hours(device_id: int, start: datetime, end: datetime) -> QuerySet[DeviceMetricHour]:
    return (
        DeviceMetricHour.filter(device_id=device_id, hour__gte=start, hour__lt=end)
        .order_by("hour")
        .limit(MAX_BUCKETS * 24 * 7)
    )


async def _raw_series(device_id: int, start: datetime, end: datetime) -> list[MetricPoint]:
    rows = await (
        DeviceHeartbeat.filter(device_id=device_id, at__gte=start, at__lt=end)
        .order_by("at")
        .limit(MAX_SAMPLES)
        .values_list("at", "cpu", "memory", "temperature")
    )
    grouped: dict[datetime, list[tuple[float | None, float | None, float | None]]] = defaultdict(list)
    for at, cpu, memory, temperature in rows:
        grouped[at.astimezone(UTC).replace(second=0, microsecond=0)].append((cpu, memory, temperature))
    points = []
    for bucket_start in sorted(grouped):
        samples = grouped[bucket_start]
        cpu = [s[0] for s in samples if s[0] is not None]
        memory = [s[1] for s in samples if s[1] is not None]
        temperature = [s[2] for s in samples if s[2] is not None]
        points.append(
            MetricPoint(
                bucket_start=bucket_start,
                samples=len(samples),
                cpu_avg=round(statistics.fmean(cpu), 2) if cpu else None,
                cpu_max=max(cpu) if cpu else None,
                memory_avg=round(statistics.fmean(memory), 2) if memory else None,
                temperature_max=max(temperature) if temperature else None,
            )
        )
    return points
