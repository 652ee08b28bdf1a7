"""createAlertRule: ADMIN and above add a rule; the worker evaluates it from the next slot on. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.analytics import AlertKind, AlertMetric, AlertTarget
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.analytics.inputs import CreateAlertRuleInput
from schema.analytics.payloads import AlertRulePayload
from schema.analytics.types import AlertRule
from schema.context import Info
from schema.errors import user_errors
from services.analytics.rules import RuleValues, create_rule
from services.platform import audit


@strawberry.type
class CreateAlertRuleMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Add an alert rule; the worker evaluates it from the next slot on. ADMIN and above.",
    )
    async def create_alert_rule(
        self, info: Info, input: Annotated[CreateAlertRuleInput, strawberry.argument(description="The rule.")]
    ) -> AlertRulePayload:
        device = await access_device_by_global_id(info, input.device_id) if input.device_id else None
        values = RuleValues(
            name=input.name,
            kind=AlertKind[input.kind.name],
            threshold=input.threshold,
            metric=AlertMetric[input.metric.name] if input.metric else None,
            duration_minutes=input.duration_minutes,
            hysteresis=input.hysteresis,
            target=AlertTarget[input.target.name],
            group=input.group or "",
            device=device,
            device_given=input.device_id is not None,
            enabled=input.enabled,
        )
        rule, problems = await create_rule(values)
        if rule is None:
            return AlertRulePayload(alert_rule=None, user_errors=user_errors(problems))
        shown = AlertRule.of(rule)
        await audit.record(info.context, action="alert_rule.create", target_id=str(shown.id), kind=rule.kind.value)
        return AlertRulePayload(alert_rule=shown, user_errors=[])
