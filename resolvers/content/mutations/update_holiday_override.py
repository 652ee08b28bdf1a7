"""updateHolidayOverride (EDITOR and above): a PRAYER_TIME override keeps its prayer time unless another is named;
another kind names none."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import UNSET

from permissions import HasRole, Role
from resolvers.content.access import access_holiday_override, access_prayer_time
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.enums import OverrideKind
from schema.content.inputs import UpdateHolidayOverrideInput, values_of
from schema.content.payloads import HolidayOverridePayload
from schema.content.types import HolidayOverride
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import preferences
from services.infra.ids import decode_id


@strawberry.type
class UpdateHolidayOverrideMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Change a holiday-time override (EDITOR and above); fields left out keep their values. "
        + HELD_EDIT,
    )
    async def update_holiday_override(
        self, info: Info, input: Annotated[UpdateHolidayOverrideInput, strawberry.argument(description="The changes.")]
    ) -> HolidayOverridePayload:
        row = await access_holiday_override(info, decode_id(input.id, "HolidayOverride"))
        if row is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors())
        prayer = None
        if input.prayer_time_id is not UNSET and input.prayer_time_id is not None:
            prayer = await access_prayer_time(info, decode_id(input.prayer_time_id, "PrayerTime"))
            if prayer is None:
                return HolidayOverridePayload(holiday_override=None, user_errors=not_found_errors("prayerTimeId"))
        elif input.prayer_time_id is UNSET and input.kind in (UNSET, None, OverrideKind.PRAYER_TIME):
            prayer = await access_prayer_time(info, row.prayer_time_id) if row.prayer_time_id else None
        held, problems = await hold_for(info, input.urgent)
        updated = None
        if not problems:
            values = values_of(input, skip=("id", "prayer_time_id"))
            updated, problems = await preferences.update_override(row, values, prayer, held)
        if updated is None:
            return HolidayOverridePayload(holiday_override=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.id)
        return HolidayOverridePayload(holiday_override=HolidayOverride.of(updated), user_errors=[])
