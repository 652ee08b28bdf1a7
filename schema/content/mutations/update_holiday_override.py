"""updateHolidayOverride (EDITOR and above)."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.enums import OverrideKind
from schema.content.inputs import UpdateHolidayOverrideInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import HolidayOverridePayload
from schema.content.types import HolidayOverride
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import preferences


@strawberry.type
class UpdateHolidayOverrideMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_holiday_override(self, info: Info, input: UpdateHolidayOverrideInput) -> HolidayOverridePayload:
        row = await access.by_global_id(info, input.id, "HolidayOverride")
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors())
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access.by_global_id(info, input.prayer_time_id, "PrayerTime")
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors("prayerTimeId"))
        elif input.prayer_time_id is UNSET and input.kind in (UNSET, None, OverrideKind.PRAYER_TIME):
            prayer = await access.access_prayer_time(info, row.prayer_time_id)
        values = values_of(input, skip=("id", "prayer_time_id"))
        updated, problems = await preferences.update_override(row, values, prayer)
        if updated is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=user_errors(problems))
        await changed(info)
        return HolidayOverridePayload(holiday_override=HolidayOverride.of(updated), user_errors=[])
