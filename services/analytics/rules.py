"""Alert rules: an admin's conditions on the synagogue's screens, checked before they are stored.

What each kind reads (`threshold`, `duration_minutes`, `hysteresis`; see `services.analytics.conditions`):
- DEVICE_OFFLINE: silent for more than `threshold` minutes; resolves once the device is back online.
- METRIC_ABOVE / METRIC_BELOW: `metric` above (below) `threshold` for `duration_minutes`; resolves once it has
  been `hysteresis` below (above) the threshold for as long.
- VERSION_BEHIND: the app version behind the newest release of the synagogue's channel for more than
  `threshold` days; resolves once it runs that release.
- HEARTBEAT_GAP: a gap of more than `threshold` minutes between heartbeats within the last `duration_minutes`;
  resolves once no gap over `threshold` − `hysteresis` is left in that window.
- ANOMALY_SCORE: an anomaly (of `metric`, or any) scored `threshold` or more within the last `duration_minutes`;
  resolves once none scored over `threshold` − `hysteresis` is left in that window.
A rule targets every device, a group, or one device. `sync_alerted_tenant` keeps the worker's list of synagogues
with enabled rules (`AlertedTenant`) true after every change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from models.analytics import AlertedTenant, AlertKind, AlertMetric, AlertRule, AlertTarget
from models.base import current_tenant_id
from models.devices import Device
from services.infra.problems import Problem, Problems

METRIC_KINDS = (AlertKind.METRIC_ABOVE, AlertKind.METRIC_BELOW)
WINDOW_KINDS = (*METRIC_KINDS, AlertKind.HEARTBEAT_GAP, AlertKind.ANOMALY_SCORE)
THRESHOLDS: dict[AlertKind, tuple[float, float, str]] = {
    AlertKind.DEVICE_OFFLINE: (1, 7 * 24 * 60, "minutes"),
    AlertKind.METRIC_ABOVE: (-1e9, 1e9, "in the metric's unit"),
    AlertKind.METRIC_BELOW: (-1e9, 1e9, "in the metric's unit"),
    AlertKind.VERSION_BEHIND: (0, 365, "days"),
    AlertKind.HEARTBEAT_GAP: (1, 24 * 60, "minutes"),
    AlertKind.ANOMALY_SCORE: (0.1, 1000, "a robust z-score"),
}
MAX_DURATION_MINUTES = 24 * 60


@dataclass(frozen=True)
class RuleValues:
    """A rule as an admin describes it (the device already looked up through the access road: None with
    `device_given` means an id that names no device of the synagogue)."""

    name: str
    kind: AlertKind
    threshold: float
    metric: AlertMetric | None = None
    duration_minutes: int = 5
    hysteresis: float = 0
    target: AlertTarget = AlertTarget.ALL
    group: str = ""
    device: Device | None = None
    device_given: bool = False
    enabled: bool = True

    @classmethod
    def of(cls, rule: AlertRule, device: Device | None) -> RuleValues:
        return cls(
            name=rule.name,
            kind=rule.kind,
            threshold=rule.threshold,
            metric=rule.metric,
            duration_minutes=rule.duration_minutes,
            hysteresis=rule.hysteresis,
            target=rule.target,
            group=rule.group,
            device=device,
            device_given=rule.device_id is not None,
            enabled=rule.enabled,
        )

    def changed(self, **changes: Any) -> RuleValues:
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def _number(problems: Problems, field: str, value: float, low: float, high: float, unit: str) -> None:
    if not math.isfinite(value) or not low <= value <= high:
        problems.add(field, "OUT_OF_RANGE", f"{field} must be from {low:g} to {high:g} ({unit})")


def rule_problems(values: RuleValues) -> Problems:
    """Every problem of a rule's values (nothing is written while there is one)."""
    problems = Problems()
    problems.text("name", values.name, max_length=120, required=True)
    if values.kind in METRIC_KINDS and values.metric is None:
        problems.add("metric", "REQUIRED", "a metric rule names its metric")
    if values.kind not in (*METRIC_KINDS, AlertKind.ANOMALY_SCORE) and values.metric is not None:
        problems.add("metric", "INVALID", f"a {values.kind.value} rule takes no metric")
    _number(problems, "threshold", values.threshold, *THRESHOLDS[values.kind])
    if values.kind in WINDOW_KINDS:
        problems.integer("durationMinutes", values.duration_minutes, 1, MAX_DURATION_MINUTES)
    _number(problems, "hysteresis", values.hysteresis, 0, 1e9, "in the threshold's unit")
    if values.target == AlertTarget.DEVICE and values.device is None:
        code = "NOT_FOUND" if values.device_given else "REQUIRED"
        problems.add("deviceId", code, "a DEVICE rule names one of the synagogue's devices")
    if values.target == AlertTarget.GROUP:
        problems.text("group", values.group, max_length=80, required=True)
    if values.target != AlertTarget.DEVICE and values.device_given:
        problems.add("deviceId", "INVALID", "only a DEVICE rule names a device")
    return problems


def _columns(values: RuleValues) -> dict[str, Any]:
    return {
        "name": values.name.strip(),
        "kind": values.kind,
        "metric": values.metric,
        "threshold": values.threshold,
        "duration_minutes": values.duration_minutes,
        "hysteresis": values.hysteresis,
        "target": values.target,
        "group": values.group.strip() if values.target == AlertTarget.GROUP else "",
        "device_id": values.device.id if values.target == AlertTarget.DEVICE and values.device else None,
        "enabled": values.enabled,
    }


async def create_rule(values: RuleValues) -> tuple[AlertRule | None, list[Problem]]:
    problems = rule_problems(values)
    if problems:
        return None, problems
    rule = await AlertRule.create(**_columns(values))
    await sync_alerted_tenant()
    return rule, []


async def update_rule(rule: AlertRule, values: RuleValues) -> list[Problem]:
    problems = rule_problems(values)
    if problems:
        return problems
    for key, value in _columns(values).items():
        setattr(rule, key, value)
    await rule.save()
    await sync_alerted_tenant()
    return []


async def delete_rule(rule: AlertRule) -> None:
    """Delete a rule and its alerts (open ones close silently with it)."""
    await rule.delete()
    await sync_alerted_tenant()


async def sync_alerted_tenant() -> None:
    """Record whether the synagogue in context has enabled rules, for the worker to evaluate."""
    tenant_id = current_tenant_id()
    count = await AlertRule.filter(enabled=True).count()
    if count:
        await AlertedTenant.update_or_create(defaults={"rules": count}, tenant_id=tenant_id)
    else:
        await AlertedTenant.filter(tenant_id=tenant_id).delete()
