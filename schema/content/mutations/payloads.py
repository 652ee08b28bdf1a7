"""The payloads content mutations return: the object (or None) and its userErrors."""

from __future__ import annotations

import strawberry

from schema.content.imports import MemorialImport
from schema.content.types import (
    AliyahAssignment,
    DailyContentPreferences,
    HolidayOverride,
    Memorial,
    Message,
    PrayerTime,
    TorahClass,
)
from schema.errors import UserError


@strawberry.type
class MessagePayload:
    message: Message | None
    user_errors: list[UserError]


@strawberry.type
class MemorialPayload:
    memorial: Memorial | None
    user_errors: list[UserError]


@strawberry.type
class ImportMemorialsPayload:
    job_id: strawberry.ID | None = strawberry.field(
        description="Poll memorialImport(id:) or job(id:) with it, or follow jobProgress(id:)."
    )
    memorial_import: MemorialImport | None
    user_errors: list[UserError]


@strawberry.type
class PrayerTimePayload:
    prayer_time: PrayerTime | None
    user_errors: list[UserError]


@strawberry.type
class HolidayOverridePayload:
    holiday_override: HolidayOverride | None
    user_errors: list[UserError]


@strawberry.type
class TorahClassPayload:
    torah_class: TorahClass | None
    user_errors: list[UserError]


@strawberry.type
class AssignAliyahPayload:
    assignment: AliyahAssignment | None
    user_errors: list[UserError]


@strawberry.type
class DailyContentPreferencesPayload:
    preferences: DailyContentPreferences | None
    user_errors: list[UserError]
