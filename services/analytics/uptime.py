"""Uptime: the share of a range's minutes in which a device sent at least one heartbeat, per device and for the
whole fleet (minutes summed over its devices).

The minutes seen come from the hourly rollups (`DeviceMetricHour.minutes_seen`, counted as samples arrive), so a
year costs 8,760 rows per device, not the raw samples. The range is read in whole hours from the hour `from`
falls in; a device's minutes start when it was claimed, and none are counted past now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.functions import Sum

from models.devices import Device, DeviceMetricHour
from services.analytics.fleet import check_range, hour_floor

MAX_UPTIME_RANGE = timedelta(days=400)


@dataclass(frozen=True)
class Uptime:
    device_id: int | None
    """None for the fleet."""
    minutes_seen: int
    minutes: int

    @property
    def share(self) -> float | None:
        """Minutes seen / minutes, from 0 to 1; None for a range with no minutes (a device claimed after it)."""
        return round(min(1.0, self.minutes_seen / self.minutes), 4) if self.minutes else None


def _minutes(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() // 60))


async def device_uptimes(devices: list[Device], start: datetime, end: datetime, now: datetime | None = None) -> list[
    Uptime
]:
    """Each device's uptime over [start, end) (see the module), in the order given."""
    check_range(start, end, max_span=MAX_UPTIME_RANGE)
    now = now or datetime.now(UTC)
    first_hour, last = hour_floor(start), min(end, now)
    rows: list[dict[str, Any]] = (
        await DeviceMetricHour.filter(device_id__in=[d.id for d in devices], hour__gte=first_hour, hour__lt=end)
        .annotate(seen=Sum("minutes_seen"))
        .group_by("device_id")
        .values("device_id", "seen")
    )
    seen = {row["device_id"]: int(row["seen"] or 0) for row in rows}
    found = []
    for device in devices:
        since = max(first_hour, device.created_at.astimezone(UTC).replace(second=0, microsecond=0))
        found.append(Uptime(device.id, seen.get(device.id, 0), _minutes(since, last)))
    return found


def fleet_uptime(uptimes: list[Uptime]) -> Uptime:
    return Uptime(None, sum(u.minutes_seen for u in uptimes), sum(u.minutes for u in uptimes))
