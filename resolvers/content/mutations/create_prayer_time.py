"""createPrayerTime (EDITOR and above): a fixed time, or an offset from a zman rounded to a step."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import CreatePrayerTimeInput, values_of
from schema.content.payloads import PrayerTimePayload
from schema.content.types import PrayerTime
from schema.context import Info
from schema.errors import user_errors
from services.content.prayer_times import save_prayer_time


@strawberry.type
class CreatePrayerTimeMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Add a prayer time (EDITOR and above): a fixed time, or an offset from a zman rounded to a step. "
        + HELD_EDIT,
    )
    async def create_prayer_time(
        self,
        info: Info,
        input: Annotated[CreatePrayerTimeInput, strawberry.argument(description="The prayer time to add.")],
    ) -> PrayerTimePayload:
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await save_prayer_time(None, values_of(input), held)
        if row is None:
            return PrayerTimePayload(prayer_time=None, user_errors=user_errors(problems))
        prayer_time = PrayerTime.of(row)
        await done(info, input.urgent, prayer_time.id)
        return PrayerTimePayload(prayer_time=prayer_time, user_errors=[])
