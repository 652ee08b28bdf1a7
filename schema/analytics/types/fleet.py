"""The fleet as analytics show it: devices by status and uptime, a device's metric series, and anomalies. Times are
in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

import strawberry

from models import devices as m
from schema.analytics.enums import AnomalyMetric
from schema.analytics.loaders import device_loader, uptime_loader
from schema.context import Info
from schema.devices.inputs import FROM, TO
from schema.devices.types import Device
from schema.relay import Connection, connection_from_list
from services.analytics import fleet
from services.analytics.uptime import Uptime, fleet_uptime


@strawberry.type(description="One device's share of minutes with a heartbeat over a range.")
class DeviceUptime:
    device: Device = strawberry.field(description="The device.")
    share: float | None = strawberry.field(
        description="Minutes with a heartbeat / minutes in the range (0 to 1); null: the device was claimed after it."
    )
    minutes_seen: int = strawberry.field(description="Minutes of the range with at least one heartbeat.")
    minutes: int = strawberry.field(description="Minutes of the range since the device was claimed, up to now.")


@strawberry.type(description="A page of devices' uptimes, worst first.")
class DeviceUptimeConnection(Connection[DeviceUptime]):
    pass


@strawberry.type(description="The fleet's uptime over a range: minutes with a heartbeat, summed over its devices.")
class FleetUptime:
    share: float | None = strawberry.field(description="Minutes seen / minutes, over every device (0 to 1).")
    minutes_seen: int = strawberry.field(description="Minutes with a heartbeat, summed over the devices.")
    minutes: int = strawberry.field(description="Minutes in the range, summed over the devices.")
    _devices: strawberry.Private[list[DeviceUptime]]

    @strawberry.field(description="Each device's uptime, lowest share first.", graphql_type=DeviceUptimeConnection)
    def devices(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many devices, 1 to 100.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The endCursor of the page before; null for the first.")
        ] = None,
    ) -> Connection[DeviceUptime]:
        return connection_from_list(info, self._devices, first, after)


def device_uptime(uptime: Uptime, device: Device) -> DeviceUptime:
    return DeviceUptime(device=device, share=uptime.share, minutes_seen=uptime.minutes_seen, minutes=uptime.minutes)


@strawberry.type(description="The synagogue's unrevoked devices by status.")
class FleetSummary:
    total: int = strawberry.field(description="Every device not revoked.")
    online: int = strawberry.field(description="Those seen within the online window (90 seconds by default).")
    offline: int = strawberry.field(description="Those seen before, but not within the online window.")
    never_seen: int = strawberry.field(description="Those never seen since they were claimed.")

    @classmethod
    def of(cls, counts: fleet.FleetCounts) -> FleetSummary:
        return cls(total=counts.total, online=counts.online, offline=counts.offline, never_seen=counts.never_seen)

    @strawberry.field(
        description="Uptime over a range of at most 400 days, read in whole hours from the hour `from` falls in "
        "(share of minutes with a heartbeat), for the fleet and per device."
    )
    async def uptime(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
    ) -> FleetUptime:
        uptimes = await uptime_loader(info).load((from_, to))
        devices = {d.id: d for d in await _devices(info, [u.device_id for u in uptimes])}
        rows = sorted(uptimes, key=lambda u: (u.share if u.share is not None else 2.0, u.device_id or 0))
        total = fleet_uptime(uptimes)
        return FleetUptime(
            share=total.share,
            minutes_seen=total.minutes_seen,
            minutes=total.minutes,
            _devices=[device_uptime(u, Device.of(devices[u.device_id])) for u in rows if u.device_id in devices],
        )


async def _devices(info: Info, ids: list[int | None]) -> list[m.Device]:
    found = await device_loader(info).load_many([i for i in ids if i is not None])
    return [d for d in found if d is not None]


@strawberry.type(description="One bucket of a device's heartbeat series (cpu and memory in percent).")
class MetricPoint:
    bucket_start: dt.datetime = strawberry.field(description="Where the bucket starts (the synagogue's time zone).")
    samples: int = strawberry.field(description="How many heartbeats fell in it.")
    cpu_avg: float | None = strawberry.field(description="Average processor load in percent; null: none reported.")
    cpu_max: float | None = strawberry.field(description="Highest processor load in percent; null: none reported.")
    memory_avg: float | None = strawberry.field(description="Average memory in use in percent; null: none reported.")
    temperature_max: float | None = strawberry.field(
        description="Highest temperature in degrees Celsius; null: none reported."
    )

    @classmethod
    def of(cls, point: fleet.MetricPoint, zone: ZoneInfo) -> MetricPoint:
        return cls(
            bucket_start=point.bucket_start.astimezone(zone),
            samples=point.samples,
            cpu_avg=point.cpu_avg,
            cpu_max=point.cpu_max,
            memory_avg=point.memory_avg,
            temperature_max=point.temperature_max,
        )


@strawberry.type(description="A sample far from its device's recent values (a robust z-score: median and MAD).")
class Anomaly:
    device: Device = strawberry.field(description="The device that reported it.")
    metric: AnomalyMetric = strawberry.field(description="Which metric is unusual.")
    at: dt.datetime = strawberry.field(description="When the sample was received.")
    value: float = strawberry.field(description="The sample's value, in the metric's unit.")
    score: float = strawberry.field(
        description="0.6745 x its distance from the median of the device's trailing window / the window's MAD "
        "(3.5 or more by default)."
    )
