"""What members send to fleet analytics' mutations: alert rules (ADMIN), acknowledging and snoozing alerts, and
their own alert e-mail choice."""

from __future__ import annotations

import strawberry

from schema.analytics.enums import AlertRuleKind, AlertTarget, AnomalyMetric

THRESHOLD = "Minutes (DEVICE_OFFLINE, HEARTBEAT_GAP), days (VERSION_BEHIND), a metric value or a score, by kind."
DURATION = "How long a metric must hold, or the window of a gap or anomaly (1 to 1440 minutes)."
HYSTERESIS = "How far back past the threshold a value must go for the alert to resolve (0 or more)."


@strawberry.input(description="A new alert rule of this synagogue.")
class CreateAlertRuleInput:
    name: str = strawberry.field(description="What the admins call it (1 to 120 characters).")
    kind: AlertRuleKind = strawberry.field(description="What it watches.")
    threshold: float = strawberry.field(description=THRESHOLD)
    metric: AnomalyMetric | None = strawberry.field(
        default=None, description="The metric (required for METRIC_ABOVE and METRIC_BELOW; optional for ANOMALY_SCORE)."
    )
    duration_minutes: int = strawberry.field(default=5, description=DURATION)
    hysteresis: float = strawberry.field(default=0, description=HYSTERESIS)
    target: AlertTarget = strawberry.field(default=AlertTarget.ALL, description="Which devices it watches.")
    group: str | None = strawberry.field(default=None, description="The group of a GROUP rule.")
    device_id: strawberry.ID | None = strawberry.field(default=None, description="The device of a DEVICE rule.")
    enabled: bool = strawberry.field(default=True, description="False: stored but not evaluated.")


@strawberry.input(description="Changes to an alert rule; fields left out keep their value.")
class UpdateAlertRuleInput:
    id: strawberry.ID = strawberry.field(description="The rule's global id.")
    name: str | None = strawberry.field(default=None, description="A new name (1 to 120 characters).")
    kind: AlertRuleKind | None = strawberry.field(default=None, description="What it watches.")
    threshold: float | None = strawberry.field(default=None, description=THRESHOLD)
    metric: AnomalyMetric | None = strawberry.field(default=None, description="The metric it watches.")
    duration_minutes: int | None = strawberry.field(default=None, description=DURATION)
    hysteresis: float | None = strawberry.field(default=None, description=HYSTERESIS)
    target: AlertTarget | None = strawberry.field(default=None, description="Which devices it watches.")
    group: str | None = strawberry.field(default=None, description="The group of a GROUP rule.")
    device_id: strawberry.ID | None = strawberry.field(default=None, description="The device of a DEVICE rule.")
    enabled: bool | None = strawberry.field(default=None, description="False: not evaluated.")


@strawberry.input(description="The alert rule to delete (its alerts go with it).")
class DeleteAlertRuleInput:
    id: strawberry.ID = strawberry.field(description="The rule's global id.")


@strawberry.input(description="The alert to acknowledge.")
class AcknowledgeAlertInput:
    id: strawberry.ID = strawberry.field(description="The alert's global id.")


@strawberry.input(description="How long people are not told of an alert's rule and device.")
class SnoozeAlertInput:
    id: strawberry.ID = strawberry.field(description="The alert's global id (an open one).")
    minutes: int = strawberry.field(description="1 to 10080 minutes from now; 0 ends the snooze.")


@strawberry.input(description="Your own alert e-mail choice in this synagogue.")
class SetAlertPreferencesInput:
    email: bool = strawberry.field(description="Whether alerts opening and resolving are e-mailed to you.")
