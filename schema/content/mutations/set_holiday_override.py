"""setHolidayOverride (EDITOR and above): the synagogue fixes its own candle lighting or prayer time on a date."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import SetHolidayOverrideInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import HolidayOverridePayload
from schema.content.types import HolidayOverride
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import preferences


@strawberry.type
class SetHolidayOverrideMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def set_holiday_override(self, info: Info, input: SetHolidayOverrideInput) -> HolidayOverridePayload:
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access.by_global_id(info, input.prayer_time_id, "PrayerTime")
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors("prayerTimeId"))
        row, problems = await preferences.set_override(values_of(input, skip=("prayer_time_id",)), prayer)
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=user_errors(problems))
        await changed(info)
        return HolidayOverridePayload(holiday_override=HolidayOverride.of(row), user_errors=[])
