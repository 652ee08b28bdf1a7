"""updateAlertRule: ADMIN and above change a rule (fields left out keep their value). Audited."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import strawberry

from models.analytics import AlertKind, AlertMetric, AlertTarget
from models.identity import Role
from permissions import HasRole
from resolvers.analytics.access import access_alert_rule_by_global_id
from resolvers.devices.access import access_device, access_device_by_global_id
from schema.analytics.inputs import UpdateAlertRuleInput
from schema.analytics.payloads import AlertRulePayload
from schema.analytics.types import AlertRule
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.analytics.rules import RuleValues, update_rule
from services.platform import audit


@strawberry.type
class UpdateAlertRuleMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Change an alert rule; an id missing or of another synagogue is NOT_FOUND. ADMIN and above.",
    )
    async def update_alert_rule(
        self, info: Info, input: Annotated[UpdateAlertRuleInput, strawberry.argument(description="The changes.")]
    ) -> AlertRulePayload:
        rule = await access_alert_rule_by_global_id(info, input.id)
        if rule is None:
            return AlertRulePayload(alert_rule=None, user_errors=not_found_errors())
        current = await access_device(info, rule.device_id) if rule.device_id else None
        values = RuleValues.of(rule, current).changed(
            name=input.name,
            kind=AlertKind[input.kind.name] if input.kind else None,
            threshold=input.threshold,
            metric=AlertMetric[input.metric.name] if input.metric else None,
            duration_minutes=input.duration_minutes,
            hysteresis=input.hysteresis,
            target=AlertTarget[input.target.name] if input.target else None,
            group=input.group,
            enabled=input.enabled,
        )
        if input.device_id is not None:
            device = await access_device_by_global_id(info, input.device_id)
            values = replace(values, device=device, device_given=True)
        elif values.target != AlertTarget.DEVICE:
            values = replace(values, device=None, device_given=False)  # a rule moved off one device forgets it
        problems = await update_rule(rule, values)
        if problems:
            return AlertRulePayload(alert_rule=None, user_errors=user_errors(problems))
        await audit.record(info.context, action="alert_rule.update", target_id=str(input.id))
        return AlertRulePayload(alert_rule=AlertRule.of(rule), user_errors=[])
