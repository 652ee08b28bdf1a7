"""Analytics queries: members of the synagogue (VIEWER and above). Devices are read through the devices domain's
access road; filters naming another synagogue's objects match nothing, as a missing one would."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models.analytics import AlertRule as AlertRuleRow
from models.analytics import AlertStatus as AlertStatusRow
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id, access_devices
from schema.analytics.enums import AlertStatus, AnomalyMetric, MetricBucket
from schema.analytics.types import Alert, AlertPreferences, AlertRule, Anomaly, FleetSummary, MetricPoint
from schema.context import Info
from schema.devices.inputs import FROM, TO
from schema.devices.types import Device
from schema.errors import not_found
from schema.relay import Connection, paginate
from schema.synagogue.loaders import tenant_zone
from services.analytics import alerts, fleet
from services.analytics.anomalies import MAX_ANOMALY_RANGE, anomalies_between
from services.infra.ids import decode_id

First = Annotated[int, strawberry.argument(description="How many, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the page before; null for the first.")]


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="This synagogue's devices (not revoked) by status, and their uptime (VIEWER and above).",
    )
    async def fleet_summary(self, info: Info) -> FleetSummary:
        assert info.context.tenant_id is not None
        window = info.context.settings.device_online_window_seconds
        return FleetSummary.of(await fleet.fleet_counts(info.context.tenant_id, window))

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="One device's heartbeats aggregated per bucket, oldest first; empty buckets are left out; DAY "
        "and WEEK are the synagogue's days and weeks. At most 2000 buckets per request (VIEWER and above).",
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
        zone = await tenant_zone(info)
        points = await fleet.metric_series(device.id, from_, to, fleet.Bucket[bucket.name], zone.key)
        return [MetricPoint.of(point, zone) for point in points]

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Anomalies the worker found in the range (robust z-score of 3.5 or more by default): at most "
        "100, highest score first; the range spans at most 7 days (VIEWER and above).",
    )
    async def anomalies(
        self,
        info: Info,
        from_: Annotated[dt.datetime, strawberry.argument(name="from", description=FROM)],
        to: Annotated[dt.datetime, strawberry.argument(description=TO)],
    ) -> list[Anomaly]:
        fleet.check_range(from_, to, max_span=MAX_ANOMALY_RANGE)
        found = await anomalies_between(from_, to).limit(100)
        devices = await access_devices(info, {a.device_id for a in found})
        return [
            Anomaly(
                device=Device.of(devices[a.device_id]),
                metric=AnomalyMetric[a.metric.value],
                at=a.at,
                value=a.value,
                score=a.score,
            )
            for a in found
            if a.device_id in devices
        ]

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="The synagogue's alert rules, oldest first (VIEWER and above).",
    )
    async def alert_rules(self, info: Info, first: First = 50, after: After = None) -> Connection[AlertRule]:
        return await paginate(info, AlertRuleRow.all().order_by("id"), first, after, AlertRule.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="The synagogue's alerts, newest first, filtered by what is given (VIEWER and above).",
    )
    async def alerts(
        self,
        info: Info,
        first: First = 50,
        after: After = None,
        status: Annotated[AlertStatus | None, strawberry.argument(description="Only alerts in this state.")] = None,
        rule_id: Annotated[strawberry.ID | None, strawberry.argument(description="Only this rule's alerts.")] = None,
        device_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only alerts about this device.")
        ] = None,
        acknowledged: Annotated[
            bool | None, strawberry.argument(description="Only acknowledged (true) or unacknowledged (false) ones.")
        ] = None,
    ) -> Connection[Alert]:
        rows = alerts.alerts(
            AlertStatusRow[status.name] if status else None,
            _pk(rule_id, "AlertRule"),
            _pk(device_id, "Device"),
            acknowledged,
        )
        return await paginate(info, rows, first, after, Alert.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Your own choices about alerts in this synagogue (VIEWER and above).",
    )
    async def alert_preferences(self, info: Info) -> AlertPreferences:
        user_id = info.context.principal.user_id
        assert user_id is not None
        return AlertPreferences(email=await alerts.email_preference(user_id))


def _pk(global_id: strawberry.ID | None, type_name: str) -> int | None:
    """A filter's id: a malformed one matches nothing (0 names no row), as another synagogue's does."""
    if global_id is None:
        return None
    return decode_id(global_id, type_name) or 0
