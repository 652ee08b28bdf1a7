"""setHolidayOverride (EDITOR and above): the synagogue fixes its own candle lighting or prayer time on a date."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import UNSET

from permissions import HasRole, Role
from resolvers.content.access import access_prayer_time
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import SetHolidayOverrideInput, values_of
from schema.content.payloads import HolidayOverridePayload
from schema.content.types import HolidayOverride
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import preferences
from services.infra.ids import decode_id


@strawberry.type
class SetHolidayOverrideMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Fix candle lighting, havdalah or one prayer time on a date (EDITOR and above); an override of "
        "the same date and target is replaced. " + HELD_EDIT,
    )
    async def set_holiday_override(
        self, info: Info, input: Annotated[SetHolidayOverrideInput, strawberry.argument(description="The override.")]
    ) -> HolidayOverridePayload:
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access_prayer_time(info, decode_id(input.prayer_time_id, "PrayerTime"))
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors("prayerTimeId"))
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await preferences.set_override(values_of(input, skip=("prayer_time_id",)), prayer, held)
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=user_errors(problems))
        override = HolidayOverride.of(row)
        await done(info, input.urgent, override.id)
        return HolidayOverridePayload(holiday_override=override, user_errors=[])
