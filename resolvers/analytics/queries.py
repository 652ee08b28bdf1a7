"""Analytics queries: members of the synagogue (VIEWER and above). Devices are read through the devices domain's
access road."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id, access_devices
from schema.analytics.enums import AnomalyMetric, MetricBucket
from schema.analytics.types import Anomaly, FleetSummary, MetricPoint
from schema.context import Info
from schema.devices.inputs import FROM, TO
from schema.devices.types import Device
from schema.errors import not_found
from services.analytics import fleet


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="This synagogue's devices (not revoked) by status (VIEWER and above).",
    )
    async def fleet_summary(self, info: Info) -> FleetSummary:
        assert info.context.tenant_id is not None
        window = info.context.settings.device_online_window_seconds
        return FleetSummary.of(await fleet.fleet_counts(info.context.tenant_id, window))

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="One device's heartbeats aggregated per bucket, oldest first; empty buckets are left out. At "
        "most 2000 buckets per request (VIEWER and above).",
    )
    async def device_metric_series(
        self,
        info: Info,
        device_id: Annotated[strawberry.ID, strawberry.argument(description="The device's global id.")],
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
        bucket: Annotated[MetricBucket, strawberry.argument(description="The width of each bucket.")],
    ) -> list[MetricPoint]:
        device = await access_device_by_global_id(info, device_id)
        if device is None:
            raise not_found("device")
        points = await fleet.metric_series(device.id, from_, to, fleet.Bucket[bucket.name])
        return [MetricPoint.of(point) for point in points]

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Samples at least 3 standard deviations from their device's mean over the range: at most 100, "
        "highest score first; the range spans at most 7 days (VIEWER and above).",
    )
    async def anomalies(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
    ) -> list[Anomaly]:
        found = await fleet.anomalies(from_, to)
        devices = await access_devices(info, {a.device_id for a in found})
        return [
            Anomaly(
                device=Device.of(devices[a.device_id]),
                metric=AnomalyMetric[a.metric],
                at=a.at,
                value=a.value,
                score=a.score,
            )
            for a in found
            if a.device_id in devices
        ]
