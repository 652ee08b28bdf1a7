"""updateDailyContentPreferences (EDITOR and above): which daily items the screens show."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import UpdateDailyContentPreferencesInput, values_of
from schema.content.payloads import DailyContentPreferencesPayload
from schema.content.types import DailyContentPreferences
from schema.context import Info
from schema.errors import user_errors
from services.content import preferences


@strawberry.type
class UpdateDailyContentPreferencesMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Choose which daily items and zmanim the screens show (EDITOR and above); fields left out keep "
        "their values. " + HELD_EDIT,
    )
    async def update_daily_content_preferences(
        self,
        info: Info,
        input: Annotated[UpdateDailyContentPreferencesInput, strawberry.argument(description="The changes.")],
    ) -> DailyContentPreferencesPayload:
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await preferences.update_preferences(values_of(input), held)
        if row is None:
            return DailyContentPreferencesPayload(preferences=None, user_errors=user_errors(problems))
        await done(info, input.urgent, "DailyContentPreferences")
        return DailyContentPreferencesPayload(preferences=DailyContentPreferences.of(row), user_errors=[])
