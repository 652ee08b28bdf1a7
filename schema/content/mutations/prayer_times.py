"""Prayer times and holiday-time overrides (EDITOR and above)."""

from __future__ import annotations

import strawberry
from strawberry import UNSET

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.enums import OverrideKind
from schema.content.inputs import (
    CreatePrayerTimeInput,
    SetHolidayOverrideInput,
    UpdateHolidayOverrideInput,
    UpdatePrayerTimeInput,
    values_of,
)
from schema.content.mutations.common import DeletePayload, changed, errors_of, not_found
from schema.content.types import HolidayOverride, PrayerTime
from schema.context import Info
from schema.errors import UserError
from services.content import preferences
from services.content.prayer_times import save_prayer_time


@strawberry.type
class PrayerTimePayload:
    prayer_time: PrayerTime | None
    user_errors: list[UserError]


@strawberry.type
class HolidayOverridePayload:
    holiday_override: HolidayOverride | None
    user_errors: list[UserError]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_prayer_time(self, info: Info, input: CreatePrayerTimeInput) -> PrayerTimePayload:
        row, problems = await save_prayer_time(None, values_of(input))
        if row is None:
            return PrayerTimePayload(prayer_time=None, user_errors=errors_of(problems))
        await changed(info)
        return PrayerTimePayload(prayer_time=PrayerTime.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_prayer_time(self, info: Info, input: UpdatePrayerTimeInput) -> PrayerTimePayload:
        current = await access.by_global_id(info, input.id, "PrayerTime")
        if current is None:
            return PrayerTimePayload(prayer_time=None, user_errors=not_found())
        row, problems = await save_prayer_time(current, values_of(input))
        if row is None:
            return PrayerTimePayload(prayer_time=None, user_errors=errors_of(problems))
        await changed(info)
        return PrayerTimePayload(prayer_time=PrayerTime.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_prayer_time(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "PrayerTime")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def set_holiday_override(self, info: Info, input: SetHolidayOverrideInput) -> HolidayOverridePayload:
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access.by_global_id(info, input.prayer_time_id, "PrayerTime")
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found("prayerTimeId"))
        row, problems = await preferences.set_override(values_of(input, skip=("prayer_time_id",)), prayer)
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=errors_of(problems))
        await changed(info)
        return HolidayOverridePayload(holiday_override=HolidayOverride.of(row), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_holiday_override(self, info: Info, input: UpdateHolidayOverrideInput) -> HolidayOverridePayload:
        row = await access.by_global_id(info, input.id, "HolidayOverride")
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=not_found())
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access.by_global_id(info, input.prayer_time_id, "PrayerTime")
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found("prayerTimeId"))
        elif input.prayer_time_id is UNSET and input.kind in (UNSET, None, OverrideKind.PRAYER_TIME):
            prayer = await access.access_prayer_time(info, row.prayer_time_id)
        values = values_of(input, skip=("id", "prayer_time_id"))
        updated, problems = await preferences.update_override(row, values, prayer)
        if updated is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=errors_of(problems))
        await changed(info)
        return HolidayOverridePayload(holiday_override=HolidayOverride.of(updated), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_holiday_override(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "HolidayOverride")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])
