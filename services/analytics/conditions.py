"""What each kind of alert rule reads from the data, for one device as of one instant: a `Reading` that says
whether the condition holds (`breach`: open an alert), whether it is clear (`clear`: resolve one), or neither.

Between `breach` and `clear` lies the hysteresis band: a value there changes nothing, so a metric hovering at
its threshold neither opens and resolves an alert at every slot nor resolves one that is open. A metric rule
reads "for Y minutes" as the value's history: the last sample at or before Y minutes ago and every sample since
are all past the threshold (clear: all past the threshold and the hysteresis). A device that sends nothing
leaves a metric rule's alert as it is (that is the offline rule's business).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from models.analytics import AlertKind, AlertMetric, AlertRule, DeviceAnomaly
from models.devices import Device, DeviceHeartbeat, DeviceIdentity, SoftwareRelease
from services.analytics.anomalies import COLUMNS
from services.devices.commands import release_channel, version_key

LOOKBACK = timedelta(hours=6)
"""How far before a metric rule's window its anchor sample (the value then) may lie."""
UNITS = {
    AlertMetric.CPU: "%",
    AlertMetric.MEMORY: "%",
    AlertMetric.DISK: "%",
    AlertMetric.TEMPERATURE: " °C",
    AlertMetric.FREE_STORAGE: " MB",
}


@dataclass(frozen=True)
class Reading:
    breach: bool
    clear: bool
    value: float | None = None
    message: str = ""


NEITHER = Reading(False, False)


async def read(rule: AlertRule, device: Device, as_of: datetime, online_window: int) -> Reading:
    """The rule's condition for `device` as of `as_of`."""
    match rule.kind:
        case AlertKind.DEVICE_OFFLINE:
            return await _offline(rule, device, as_of, online_window)
        case AlertKind.METRIC_ABOVE | AlertKind.METRIC_BELOW:
            return await _metric(rule, device, as_of)
        case AlertKind.VERSION_BEHIND:
            return await _version(rule, device, as_of)
        case AlertKind.HEARTBEAT_GAP:
            return await _gap(rule, device, as_of)
        case AlertKind.ANOMALY_SCORE:
            return await _anomaly(rule, device, as_of)
    return NEITHER


async def _offline(rule: AlertRule, device: Device, as_of: datetime, online_window: int) -> Reading:
    identity = await DeviceIdentity.filter(device_id=device.id).first()
    if identity is None or identity.last_seen_at is None:
        return NEITHER  # never seen: not offline, not yet online either
    silent = (as_of - identity.last_seen_at).total_seconds() / 60
    return Reading(
        breach=silent > rule.threshold,
        clear=silent * 60 <= online_window,
        value=round(silent, 1),
        message=f"{device.name} has not been seen for {silent:.0f} minutes",
    )


async def _metric(rule: AlertRule, device: Device, as_of: datetime) -> Reading:
    assert rule.metric is not None
    column = COLUMNS[rule.metric]
    window_start = as_of - timedelta(minutes=rule.duration_minutes)
    rows = await (
        DeviceHeartbeat.filter(device_id=device.id, at__gte=window_start - LOOKBACK, at__lte=as_of)
        .exclude(**{f"{column}__isnull": True})
        .order_by("at")
        .values_list("at", column)
    )
    anchor = [i for i, (at, _) in enumerate(rows) if at <= window_start]
    if not anchor:
        return NEITHER  # not enough history to say "for Y minutes"
    values = [float(value) for _, value in rows[anchor[-1] :]]
    above = rule.kind == AlertKind.METRIC_ABOVE
    if above:
        breach, clear = min(values) > rule.threshold, max(values) < rule.threshold - rule.hysteresis
    else:
        breach, clear = max(values) < rule.threshold, min(values) > rule.threshold + rule.hysteresis
    latest = values[-1]
    unit = UNITS[rule.metric]
    side = "above" if above else "below"
    return Reading(
        breach,
        clear,
        latest,
        f"{rule.metric.value.replace('_', ' ').lower()} of {device.name} {side} {rule.threshold:g}{unit} "
        f"for {rule.duration_minutes} minutes (now {latest:g}{unit})",
    )


async def _version(rule: AlertRule, device: Device, as_of: datetime) -> Reading:
    if not device.app_version:
        return NEITHER
    channel = await release_channel()
    running = version_key(device.app_version)
    newer = [r for r in await SoftwareRelease.filter(channel=channel) if version_key(r.version) > running]
    if not newer:
        return Reading(False, True, 0, f"{device.name} runs the newest {channel.value} release")
    first = min(newer, key=lambda r: r.published_at)
    newest = max(newer, key=lambda r: version_key(r.version))
    behind = (as_of - first.published_at).total_seconds() / 86400
    return Reading(
        breach=behind > rule.threshold,
        clear=False,
        value=round(behind, 1),
        message=f"{device.name} runs {device.app_version}, {behind:.0f} days behind {newest.version} "
        f"({channel.value})",
    )


async def _gap(rule: AlertRule, device: Device, as_of: datetime) -> Reading:
    start = as_of - timedelta(minutes=rule.duration_minutes)
    times: list[datetime] = await (  # type: ignore[assignment]  # flat values_list is typed as tuples
        DeviceHeartbeat.filter(device_id=device.id, at__gte=start, at__lte=as_of)
        .order_by("at")
        .values_list("at", flat=True)
    )
    if len(times) < 2:
        return NEITHER
    widest = max((b - a).total_seconds() / 60 for a, b in pairwise(times))
    return Reading(
        breach=widest > rule.threshold,
        clear=widest <= rule.threshold - rule.hysteresis,
        value=round(widest, 1),
        message=f"{device.name} left a gap of {widest:.0f} minutes between heartbeats",
    )


async def _anomaly(rule: AlertRule, device: Device, as_of: datetime) -> Reading:
    start = as_of - timedelta(minutes=rule.duration_minutes)
    query = DeviceAnomaly.filter(device_id=device.id, at__gte=start, at__lte=as_of)
    if rule.metric is not None:
        query = query.filter(metric=rule.metric)
    scores: list[float] = await query.values_list("score", flat=True)  # type: ignore[assignment]
    top = max(scores, default=0.0)
    return Reading(
        breach=top >= rule.threshold,
        clear=top < rule.threshold - rule.hysteresis,
        value=top,
        message=f"unusual readings from {device.name} (score {top:g})",
    )
