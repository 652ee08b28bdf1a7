"""setAlertPreferences: a member's own choice of alert e-mails in this synagogue (they go to ADMIN and above)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.analytics.inputs import SetAlertPreferencesInput
from schema.analytics.payloads import AlertPreferencesPayload
from schema.analytics.types import AlertPreferences
from schema.context import Info
from services.analytics.alerts import set_email_preference


@strawberry.type
class SetAlertPreferencesMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Turn your alert e-mails in this synagogue on or off (sent to ADMIN and above). VIEWER and above.",
    )
    async def set_alert_preferences(
        self, info: Info, input: Annotated[SetAlertPreferencesInput, strawberry.argument(description="Your choice.")]
    ) -> AlertPreferencesPayload:
        user_id = info.context.principal.user_id
        assert user_id is not None
        row = await set_email_preference(user_id, input.email)
        return AlertPreferencesPayload(preferences=AlertPreferences(email=row.email), user_errors=[])
