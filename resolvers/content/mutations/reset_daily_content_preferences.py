"""resetDailyContentPreferences (EDITOR and above): back to the defaults."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.payloads import DailyContentPreferencesPayload
from schema.content.types import DailyContentPreferences
from schema.context import Info
from schema.errors import user_errors
from services.content import preferences


@strawberry.type
class ResetDailyContentPreferencesMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Back to the default daily items and zmanim (EDITOR and above). " + HELD_EDIT,
    )
    async def reset_daily_content_preferences(
        self,
        info: Info,
        urgent: Annotated[
            bool,
            strawberry.argument(
                description="Shabbat mode: show the defaults at once even during Shabbat or yom tov (ADMIN and "
                "above); otherwise a reset then shows from havdalah."
            ),
        ] = False,
    ) -> DailyContentPreferencesPayload:
        held, problems = await hold_for(info, urgent)
        if problems:
            return DailyContentPreferencesPayload(preferences=None, user_errors=user_errors(problems))
        row = await preferences.reset_preferences(held)
        await done(info, urgent, "DailyContentPreferences")
        return DailyContentPreferencesPayload(preferences=DailyContentPreferences.of(row), user_errors=[])
