"""Alert rules and the alerts they open, as a synagogue's members see them (times in UTC, with their offset)."""

from __future__ import annotations

import datetime as dt

import strawberry

from models import analytics as m
from schema.analytics.enums import AlertRuleKind, AlertStatus, AlertTarget, AnomalyMetric
from schema.analytics.loaders import device_loader, rule_loader
from schema.context import Info
from schema.devices.types import Device
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type(description="A condition on the synagogue's screens that opens an alert (see AlertRuleKind).")
class AlertRule(Node):
    id: strawberry.ID = strawberry.field(description="The rule's global id.")
    name: str = strawberry.field(description="What the admins call it (1 to 120 characters).")
    kind: AlertRuleKind = strawberry.field(description="What it watches.")
    metric: AnomalyMetric | None = strawberry.field(
        description="The metric of a METRIC_ABOVE or METRIC_BELOW rule (or the only one an ANOMALY_SCORE rule "
        "watches); null otherwise."
    )
    threshold: float = strawberry.field(description="Minutes, days, a metric value or a score, by kind.")
    duration_minutes: int = strawberry.field(
        description="How long a metric must hold, or the window a gap or anomaly is looked for in."
    )
    hysteresis: float = strawberry.field(
        description="How far past the threshold, back the other way, a value must go before the alert resolves."
    )
    target: AlertTarget = strawberry.field(description="Every device, one group, or one device.")
    group: str | None = strawberry.field(description="The group of a GROUP rule; null otherwise.")
    enabled: bool = strawberry.field(description="False: the rule is not evaluated (its open alerts stay open).")
    created_at: dt.datetime = strawberry.field(description="When an admin created it.")
    updated_at: dt.datetime = strawberry.field(description="When it was last changed.")
    _device_pk: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: m.AlertRule) -> AlertRule:
        return cls(
            id=strawberry.ID(to_global_id("AlertRule", row.id)),
            name=row.name,
            kind=AlertRuleKind(row.kind.value),
            metric=AnomalyMetric(row.metric.value) if row.metric else None,
            threshold=row.threshold,
            duration_minutes=row.duration_minutes,
            hysteresis=row.hysteresis,
            target=AlertTarget(row.target.value),
            group=row.group or None,
            enabled=row.enabled,
            created_at=row.created_at,
            updated_at=row.updated_at,
            _device_pk=row.device_id,
        )

    @strawberry.field(description="The device of a DEVICE rule; null otherwise.")
    async def device(self, info: Info) -> Device | None:
        if self._device_pk is None:
            return None
        row = await device_loader(info).load(self._device_pk)
        return Device.of(row) if row else None


@strawberry.type(description="One episode of a rule's condition on one device, from opening to resolution.")
class Alert(Node):
    id: strawberry.ID = strawberry.field(description="The alert's global id.")
    status: AlertStatus = strawberry.field(description="OPEN until the condition clears, then RESOLVED.")
    opened_at: dt.datetime = strawberry.field(description="The evaluation that opened it.")
    resolved_at: dt.datetime | None = strawberry.field(description="The evaluation that resolved it; null while open.")
    value: float | None = strawberry.field(description="The value the rule read last (minutes, a metric, a score).")
    message: str = strawberry.field(description="What is wrong, in English.")
    acknowledged_at: dt.datetime | None = strawberry.field(
        description="When a member first acknowledged it; null: nobody has."
    )
    snoozed_until: dt.datetime | None = strawberry.field(
        description="Until when people are not told of it (its rule and device); null: not snoozed."
    )
    silenced: bool = strawberry.field(description="It opened while snoozed: only webhooks and live events told of it.")
    _rule_pk: strawberry.Private[int]
    _device_pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.Alert) -> Alert:
        return cls(
            id=strawberry.ID(to_global_id("Alert", row.id)),
            status=AlertStatus(row.status.value),
            opened_at=row.opened_at,
            resolved_at=row.resolved_at,
            value=row.value,
            message=row.message,
            acknowledged_at=row.acknowledged_at,
            snoozed_until=row.snoozed_until,
            silenced=row.silenced,
            _rule_pk=row.rule_id,
            _device_pk=row.device_id,
        )

    @strawberry.field(description="The rule that opened it.")
    async def rule(self, info: Info) -> AlertRule | None:
        row = await rule_loader(info).load(self._rule_pk)
        return AlertRule.of(row) if row else None

    @strawberry.field(description="The device it is about.")
    async def device(self, info: Info) -> Device | None:
        row = await device_loader(info).load(self._device_pk)
        return Device.of(row) if row else None


@strawberry.type(description="The caller's own choices about alerts in this synagogue.")
class AlertPreferences:
    email: bool = strawberry.field(
        description="Whether alerts opening and resolving are e-mailed to you (ADMIN and above; on by default)."
    )
