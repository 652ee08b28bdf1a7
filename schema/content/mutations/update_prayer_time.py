"""updatePrayerTime (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import UpdatePrayerTimeInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import PrayerTimePayload
from schema.content.types import PrayerTime
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.prayer_times import save_prayer_time


@strawberry.type
class UpdatePrayerTimeMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_prayer_time(self, info: Info, input: UpdatePrayerTimeInput) -> PrayerTimePayload:
        current = await access.by_global_id(info, input.id, "PrayerTime")
        if current is None:
            return PrayerTimePayload(prayer_time=None, user_errors=not_found_errors())
        row, problems = await save_prayer_time(current, values_of(input))
        if row is None:
            return PrayerTimePayload(prayer_time=None, user_errors=user_errors(problems))
        await changed(info)
        return PrayerTimePayload(prayer_time=PrayerTime.of(row), user_errors=[])
