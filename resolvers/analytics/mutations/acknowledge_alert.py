"""acknowledgeAlert: a member (VIEWER and above) says they have seen an alert; the first acknowledgement is kept."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.analytics.access import access_alert_by_global_id
from schema.analytics.inputs import AcknowledgeAlertInput
from schema.analytics.payloads import AlertPayload
from schema.analytics.types import Alert
from schema.context import Info
from schema.errors import not_found_errors
from services.analytics.alerts import acknowledge


@strawberry.type
class AcknowledgeAlertMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Acknowledge an alert (open or resolved); again changes nothing. VIEWER and above.",
    )
    async def acknowledge_alert(
        self, info: Info, input: Annotated[AcknowledgeAlertInput, strawberry.argument(description="The alert.")]
    ) -> AlertPayload:
        alert = await access_alert_by_global_id(info, input.id)
        if alert is None:
            return AlertPayload(alert=None, user_errors=not_found_errors())
        user_id = info.context.principal.user_id
        assert user_id is not None
        await acknowledge(alert, user_id)
        return AlertPayload(alert=Alert.of(alert), user_errors=[])
