"""The payloads content mutations return: the object (or null) and its userErrors (empty on success)."""

from __future__ import annotations

import strawberry

from schema.content.types import (
    AliyahAssignment,
    DailyContentPreferences,
    HolidayOverride,
    MediaUpload,
    Memorial,
    MemorialImport,
    Message,
    PrayerTime,
    TorahClass,
)
from schema.errors import UserError

_USER_ERRORS = "Why nothing was written (invalid or conflicting input, an id not found); empty on success."


@strawberry.type(description="What deleting an object did.")
class DeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(description="The id deleted; null when nothing was.")
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The message written.")
class MessagePayload:
    message: Message | None = strawberry.field(description="The message as saved; null when nothing was written.")
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The memorial written.")
class MemorialPayload:
    memorial: Memorial | None = strawberry.field(description="The memorial as saved; null when nothing was written.")
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The memorial import queued.")
class ImportMemorialsPayload:
    job_id: strawberry.ID | None = strawberry.field(
        description="Poll memorialImport(id:) or job(id:) with it, or follow jobProgress(id:)."
    )
    memorial_import: MemorialImport | None = strawberry.field(
        description="The import as queued; null when the CSV was refused outright."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the whole CSV was refused (empty, too large, unknown columns); bad rows are the import's."
    )


@strawberry.type(description="The prayer time written.")
class PrayerTimePayload:
    prayer_time: PrayerTime | None = strawberry.field(
        description="The prayer time as saved; null when nothing was written."
    )
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The holiday-time override written.")
class HolidayOverridePayload:
    holiday_override: HolidayOverride | None = strawberry.field(
        description="The override as saved; null when nothing was written."
    )
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The Torah class written.")
class TorahClassPayload:
    torah_class: TorahClass | None = strawberry.field(description="The class as saved; null when nothing was written.")
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The aliyah assignment written.")
class AssignAliyahPayload:
    assignment: AliyahAssignment | None = strawberry.field(
        description="The assignment as saved; null when nothing was written."
    )
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The daily-content preferences now in force.")
class DailyContentPreferencesPayload:
    preferences: DailyContentPreferences | None = strawberry.field(
        description="The preferences as saved; null when nothing was written."
    )
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)


@strawberry.type(description="The upload granted.")
class CreateUploadPayload:
    upload: MediaUpload | None = strawberry.field(description="Where to put the bytes; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=_USER_ERRORS)
