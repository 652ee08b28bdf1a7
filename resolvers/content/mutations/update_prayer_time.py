"""updatePrayerTime (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_prayer_time
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import UpdatePrayerTimeInput, values_of
from schema.content.payloads import PrayerTimePayload
from schema.content.types import PrayerTime
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.prayer_times import save_prayer_time
from services.infra.ids import decode_id


@strawberry.type
class UpdatePrayerTimeMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Change a prayer time (EDITOR and above); fields left out keep their values, and the result "
        "is checked as a whole. " + HELD_EDIT,
    )
    async def update_prayer_time(
        self, info: Info, input: Annotated[UpdatePrayerTimeInput, strawberry.argument(description="The changes.")]
    ) -> PrayerTimePayload:
        current = await access_prayer_time(info, decode_id(input.id, "PrayerTime"))
        if current is None:
            return PrayerTimePayload(prayer_time=None, user_errors=not_found_errors())
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await save_prayer_time(current, values_of(input), held)
        if row is None:
            return PrayerTimePayload(prayer_time=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.id)
        return PrayerTimePayload(prayer_time=PrayerTime.of(row), user_errors=[])
