"""Analytics queries: members of the synagogue (VIEWER and above)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.analytics.types import Anomaly, AnomalyMetric, FleetSummary, MetricBucket, MetricPoint
from schema.context import Info
from schema.devices.types import Device
from schema.errors import not_found
from services.analytics import fleet as analytics
from services.infra.ids import decode_id


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)])
    async def fleet_summary(self, info: Info) -> FleetSummary:
        assert info.context.tenant_id is not None
        counts = await analytics.fleet_counts(
            info.context.tenant_id, info.context.settings.device_online_window_seconds
        )
        return FleetSummary(
            total=counts.total, online=counts.online, offline=counts.offline, never_seen=counts.never_seen
        )

    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)], description="Empty buckets are left out.")
    async def device_metric_series(
        self,
        info: Info,
        device_id: strawberry.ID,
        from_: Annotated[dt.datetime, strawberry.argument(name="from")],
        to: dt.datetime,
        bucket: MetricBucket,
    ) -> list[MetricPoint]:
        pk = decode_id(device_id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            raise not_found("device")
        points = await analytics.metric_series(device.id, from_, to, analytics.Bucket(bucket.value))
        return [
            MetricPoint(
                bucket_start=p.bucket_start,
                samples=p.samples,
                cpu_avg=p.cpu_avg,
                cpu_max=p.cpu_max,
                memory_avg=p.memory_avg,
                temperature_max=p.temperature_max,
            )
            for p in points
        ]

    @strawberry.field(permission_classes=[HasRole(Role.VIEWER)], description="At most 100, highest score first.")
    async def anomalies(
        self, info: Info, from_: Annotated[dt.datetime, strawberry.argument(name="from")], to: dt.datetime
    ) -> list[Anomaly]:
        found = await analytics.anomalies(from_, to)
        devices = {row.id: row for row in await m.Device.filter(id__in={a.device_id for a in found})}
        return [
            Anomaly(
                device=Device.of(devices[a.device_id]),
                metric=AnomalyMetric(a.metric),
                at=a.at,
                value=a.value,
                score=a.score,
            )
            for a in found
            if a.device_id in devices
        ]
