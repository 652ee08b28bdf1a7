"""deleteAlertRule: ADMIN and above remove a rule and its alerts. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.analytics.access import access_alert_rule_by_global_id
from schema.analytics.inputs import DeleteAlertRuleInput
from schema.analytics.payloads import DeleteAlertRulePayload
from schema.context import Info
from schema.errors import not_found_errors
from services.analytics.rules import delete_rule
from services.platform import audit


@strawberry.type
class DeleteAlertRuleMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Delete an alert rule and its alerts (open ones close without notice). ADMIN and above.",
    )
    async def delete_alert_rule(
        self, info: Info, input: Annotated[DeleteAlertRuleInput, strawberry.argument(description="The rule.")]
    ) -> DeleteAlertRulePayload:
        rule = await access_alert_rule_by_global_id(info, input.id)
        if rule is None:
            return DeleteAlertRulePayload(deleted_id=None, user_errors=not_found_errors())
        await delete_rule(rule)
        await audit.record(info.context, action="alert_rule.delete", target_id=str(input.id), name=rule.name)
        return DeleteAlertRulePayload(deleted_id=input.id, user_errors=[])
