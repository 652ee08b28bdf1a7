"""Payloads of fleet analytics' mutations: the object plus `userErrors` (expected failures, which change nothing)."""

from __future__ import annotations

import strawberry

from schema.analytics.types import Alert, AlertPreferences, AlertRule
from schema.errors import UserError

USER_ERRORS = "Why nothing was changed; empty on success."


@strawberry.type(description="The answer of createAlertRule and updateAlertRule.")
class AlertRulePayload:
    alert_rule: AlertRule | None = strawberry.field(
        description="The rule as stored; null when userErrors is not empty."
    )
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of deleteAlertRule.")
class DeleteAlertRulePayload:
    deleted_id: strawberry.ID | None = strawberry.field(description="The deleted rule's global id; null when none was.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of acknowledgeAlert and snoozeAlert.")
class AlertPayload:
    alert: Alert | None = strawberry.field(description="The alert as it is now; null when userErrors is not empty.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The answer of setAlertPreferences.")
class AlertPreferencesPayload:
    preferences: AlertPreferences | None = strawberry.field(description="Your choices as stored.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)
