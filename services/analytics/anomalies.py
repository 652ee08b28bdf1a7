"""Anomalies: samples far from their device's recent values for a metric, by a robust score, found by the worker.

Once per anomaly slot (`ANOMALY_INTERVAL_SECONDS`, see `services.outbox.schedule`) a job per synagogue whose
devices reported since the last slot scores the samples of that interval against the trailing window
(`ANOMALY_WINDOW_HOURS`) of the same device and metric: the modified z-score of Iglewicz and Hoaglin,
0.6745 × |x − median| / MAD, where MAD is the median absolute deviation from the median (when more than half
the values are equal and MAD is 0, |x − median| / (1.2533 × the mean absolute deviation) instead). A median and a
MAD are not dragged by the outliers they are meant to find, as a mean and a standard deviation are. A score of
`ANOMALY_MIN_SCORE` (3.5) or more is stored as a `DeviceAnomaly`, unique per device, metric and sample time, so a
job that runs again finds and writes nothing new. The `anomalies` query and the ANOMALY_SCORE alert rules read
what is stored.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.queryset import QuerySet

from config import Settings, get_settings
from models.analytics import AlertMetric, DeviceAnomaly
from models.devices import DeviceHeartbeat, DeviceIdentity
from services.outbox.queue import JobRun, enqueue, handler

ANOMALY_JOB = "anomalies.find"
MIN_BASELINE = 10
MAX_ROWS_PER_DEVICE = 20_000
MAX_ANOMALY_RANGE = timedelta(days=7)
COLUMNS: dict[AlertMetric, str] = {
    AlertMetric.CPU: "cpu",
    AlertMetric.MEMORY: "memory",
    AlertMetric.TEMPERATURE: "temperature",
    AlertMetric.DISK: "disk",
    AlertMetric.FREE_STORAGE: "free_storage_mb",
}
"""Each metric a rule or an anomaly names, and the heartbeat column that carries it."""


async def queue_detection(settings: Settings, slot: datetime) -> None:
    """The slot's work: a job per synagogue with a device seen since the previous slot began."""
    since = slot - timedelta(seconds=2 * settings.anomaly_interval_seconds)
    tenants: list[int] = await (  # type: ignore[assignment]  # flat values_list is typed as tuples
        DeviceIdentity.filter(last_seen_at__gte=since).distinct().values_list("tenant_id", flat=True)
    )
    for tenant_id in sorted(set(tenants)):
        await enqueue(ANOMALY_JOB, {"slot": slot.isoformat()}, tenant_id=tenant_id)


@dataclass(frozen=True)
class Spread:
    median: float
    spread: float
    """What one unit of score is: MAD / 0.6745, or 1.2533 × the mean absolute deviation when MAD is 0."""

    def score(self, value: float) -> float:
        return abs(value - self.median) / self.spread


def robust_spread(values: list[float]) -> Spread | None:
    """The median and the robust spread of `values`; None when there are too few or they never vary."""
    if len(values) < MIN_BASELINE:
        return None
    median = statistics.median(values)
    deviations = [abs(v - median) for v in values]
    mad = statistics.median(deviations)
    if mad > 0:
        return Spread(median, mad / 0.6745)
    mean_deviation = statistics.fmean(deviations)
    return Spread(median, 1.2533 * mean_deviation) if mean_deviation > 0 else None


async def find_anomalies(slot: datetime, settings: Settings) -> int:
    """Score the current synagogue's samples of [slot − interval, slot) against their trailing windows; store
    those at or above the minimum score. Returns how many anomalies were new."""
    fresh_from = slot - timedelta(seconds=settings.anomaly_interval_seconds)
    window_from = slot - timedelta(hours=settings.anomaly_window_hours)
    devices: list[int] = await (  # type: ignore[assignment]  # flat values_list is typed as tuples
        DeviceHeartbeat.filter(at__gte=fresh_from, at__lt=slot).distinct().values_list("device_id", flat=True)
    )
    found: list[DeviceAnomaly] = []
    for device_id in sorted(set(devices)):
        rows = await (
            DeviceHeartbeat.filter(device_id=device_id, at__gte=window_from, at__lt=slot)
            .order_by("-at")
            .limit(MAX_ROWS_PER_DEVICE)
            .values("at", *COLUMNS.values())
        )
        series: dict[AlertMetric, list[tuple[datetime, float]]] = defaultdict(list)
        for row in rows:
            for metric, column in COLUMNS.items():
                if row[column] is not None:
                    series[metric].append((row["at"], float(row[column])))
        for metric, points in series.items():
            spread = robust_spread([value for _, value in points])
            if spread is None:
                continue
            for at, value in points:
                score = spread.score(value)
                if at >= fresh_from and score >= settings.anomaly_min_score:
                    found.append(
                        DeviceAnomaly(
                            device_id=device_id,
                            metric=metric,
                            at=at,
                            value=value,
                            score=round(score, 2),
                            median=round(spread.median, 4),
                            spread=round(spread.spread, 4),
                        )
                    )
    before = await DeviceAnomaly.filter(at__gte=fresh_from, at__lt=slot).count()
    if found:
        await DeviceAnomaly.bulk_create(found, ignore_conflicts=True)
    return await DeviceAnomaly.filter(at__gte=fresh_from, at__lt=slot).count() - before


@handler(ANOMALY_JOB)
async def detect(run: JobRun) -> None:
    """One synagogue's anomaly slot."""
    async with run.scope():
        found = await find_anomalies(datetime.fromisoformat(run.payload["slot"]), get_settings())
        await run.finish({"found": found})


def anomalies_between(start: datetime, end: datetime) -> QuerySet[DeviceAnomaly]:
    """The current synagogue's anomalies in [start, end), highest score first."""
    return DeviceAnomaly.filter(at__gte=start, at__lt=end).order_by("-score", "at", "id")
