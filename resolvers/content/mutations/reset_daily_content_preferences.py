"""resetDailyContentPreferences (EDITOR and above): back to the defaults."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import changed
from schema.content.payloads import DailyContentPreferencesPayload
from schema.content.types import DailyContentPreferences
from schema.context import Info
from services.content import preferences


@strawberry.type
class ResetDailyContentPreferencesMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Back to the default daily items and zmanim. EDITOR and above.",
    )
    async def reset_daily_content_preferences(self, info: Info) -> DailyContentPreferencesPayload:
        row = await preferences.reset_preferences()
        await changed(info)
        return DailyContentPreferencesPayload(preferences=DailyContentPreferences.of(row), user_errors=[])
