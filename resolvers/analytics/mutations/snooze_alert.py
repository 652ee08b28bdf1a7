"""snoozeAlert: a member (VIEWER and above) keeps people from being told of an open alert's rule and device for a
while (webhooks and live events still go out)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.analytics.access import access_alert_by_global_id
from schema.analytics.inputs import SnoozeAlertInput
from schema.analytics.payloads import AlertPayload
from schema.analytics.types import Alert
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.analytics.alerts import snooze


@strawberry.type
class SnoozeAlertMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Snooze an open alert: no e-mail or text of it, or of its rule and device opening again, until "
        "then; minutes 0 ends the snooze. VIEWER and above.",
    )
    async def snooze_alert(
        self, info: Info, input: Annotated[SnoozeAlertInput, strawberry.argument(description="The alert and how long.")]
    ) -> AlertPayload:
        alert = await access_alert_by_global_id(info, input.id)
        if alert is None:
            return AlertPayload(alert=None, user_errors=not_found_errors())
        problems = await snooze(alert, input.minutes)
        if problems:
            return AlertPayload(alert=None, user_errors=user_errors(problems))
        return AlertPayload(alert=Alert.of(alert), user_errors=[])
