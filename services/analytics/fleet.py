"""Fleet analytics from the heartbeat series: status counts, bucketed metrics, anomalies.

Aggregation happens in Python over a bounded slice of the series, so it runs the same on
PostgreSQL and on the embedded SQLite; requests that would exceed the bounds are refused.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from models.devices import Device, DeviceHeartbeat, DeviceIdentity, DeviceMetricHour
from services.devices.registry import DeviceStatus, status_of
from services.infra.errors import ServiceError

MAX_BUCKETS = 2000
MAX_SAMPLES = 200_000
MAX_ANOMALY_RANGE = timedelta(days=7)
ANOMALY_Z = 3.0
MIN_SAMPLES_FOR_ANOMALY = 10
METRICS = ("cpu", "memory", "temperature")


class Bucket(StrEnum):
    MINUTE = "MINUTE"
    HOUR = "HOUR"
    DAY = "DAY"


SIZES = {Bucket.MINUTE: timedelta(minutes=1), Bucket.HOUR: timedelta(hours=1), Bucket.DAY: timedelta(days=1)}


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


def _floor(at: datetime, bucket: Bucket) -> datetime:
    at = at.astimezone(UTC)
    if bucket == Bucket.MINUTE:
        return at.replace(second=0, microsecond=0)
    if bucket == Bucket.HOUR:
        return at.replace(minute=0, second=0, microsecond=0)
    return at.replace(hour=0, minute=0, second=0, microsecond=0)


def _check_range(start: datetime, end: datetime, bucket: Bucket | None = None) -> None:
    if end <= start:
        raise ServiceError("`to` must be after `from`")
    if bucket is None and end - start > MAX_ANOMALY_RANGE:
        raise ServiceError(f"at most {MAX_ANOMALY_RANGE.days} days per request")
    if bucket is not None and (end - start) / SIZES[bucket] > MAX_BUCKETS:
        raise ServiceError(f"at most {MAX_BUCKETS} buckets per request; choose a larger bucket")


async def metric_series(device_id: int, start: datetime, end: datetime, bucket: Bucket) -> list[MetricPoint]:
    """The device's samples aggregated per bucket, for the buckets that overlap [start, end); empty
    buckets are left out.

    MINUTE buckets read the raw samples (at most `MAX_BUCKETS` minutes of them); HOUR and DAY buckets
    read the hourly aggregates, so a year of heartbeats is at most 8,760 rows, not a million.
    """
    _check_range(start, end, bucket)
    if bucket == Bucket.MINUTE:
        return await _raw_series(device_id, start, end)
    hours = await (
        DeviceMetricHour.filter(device_id=device_id, hour__gte=_floor(start, Bucket.HOUR), hour__lt=end)
        .order_by("hour")
        .limit(MAX_BUCKETS * 24)
    )
    grouped: dict[datetime, list[DeviceMetricHour]] = defaultdict(list)
    for row in hours:
        grouped[_floor(row.hour, bucket)].append(row)
    points = []
    for bucket_start in sorted(grouped):
        rows = grouped[bucket_start]
        cpu_count, memory_count = sum(r.cpu_count for r in rows), sum(r.memory_count for r in rows)
        cpu_peaks = [r.cpu_max for r in rows if r.cpu_max is not None]
        temperature_peaks = [r.temperature_max for r in rows if r.temperature_max is not None]
        points.append(
            MetricPoint(
                bucket_start=bucket_start,
                samples=sum(r.samples for r in rows),
                cpu_avg=round(sum(r.cpu_sum for r in rows) / cpu_count, 2) if cpu_count else None,
                cpu_max=max(cpu_peaks) if cpu_peaks else None,
                memory_avg=round(sum(r.memory_sum for r in rows) / memory_count, 2) if memory_count else None,
                temperature_max=max(temperature_peaks) if temperature_peaks else None,
            )
        )
    return points


async def _raw_series(device_id: int, start: datetime, end: datetime) -> list[MetricPoint]:
    rows = await (
        DeviceHeartbeat.filter(device_id=device_id, at__gte=start, at__lt=end)
        .order_by("at")
        .limit(MAX_SAMPLES)
        .values_list("at", "cpu", "memory", "temperature")
    )
    grouped: dict[datetime, list[tuple[float | None, float | None, float | None]]] = defaultdict(list)
    for at, cpu, memory, temperature in rows:
        grouped[_floor(at, Bucket.MINUTE)].append((cpu, memory, temperature))
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


@dataclass(frozen=True)
class Anomaly:
    device_id: int
    metric: str
    at: datetime
    value: float
    score: float


async def anomalies(start: datetime, end: datetime, limit: int = 100) -> list[Anomaly]:
    """Samples at least `ANOMALY_Z` standard deviations from their device's mean for that metric."""
    _check_range(start, end)
    rows = await (
        DeviceHeartbeat.filter(at__gte=start, at__lt=end)
        .order_by("at")
        .limit(MAX_SAMPLES)
        .values_list("device_id", "at", "cpu", "memory", "temperature")
    )
    series: dict[tuple[int, str], list[tuple[datetime, float]]] = defaultdict(list)
    for device_id, at, *values in rows:
        for metric, value in zip(METRICS, values, strict=True):
            if value is not None:
                series[(device_id, metric)].append((at, float(value)))
    found: list[Anomaly] = []
    for (device_id, metric), points in series.items():
        if len(points) < MIN_SAMPLES_FOR_ANOMALY:
            continue
        values = [v for _, v in points]
        mean, spread = statistics.fmean(values), statistics.pstdev(values)
        if spread == 0:
            continue
        for at, value in points:
            score = abs(value - mean) / spread
            if score >= ANOMALY_Z:
                found.append(Anomaly(device_id, metric.upper(), at, value, round(score, 2)))
    found.sort(key=lambda a: (-a.score, a.at))
    return found[:limit]
