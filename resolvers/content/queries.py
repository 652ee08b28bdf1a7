"""Content queries: lists (Relay connections), the yahrzeit board, the computed day, zmanim, a memorial import.

Readers are the synagogue's members (VIEWER and above), its devices and its partner keys, unless a field says
otherwise. DateTimes are in the synagogue's time zone. Anyone may ask for the zmanim of a place they name; those
asks are counted per client address (`services.content.zmanim`), and one over the limit is refused with HTTP 429.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from luach import compute_zmanim
from permissions import CanReadTenant, HasRole, Role
from resolvers.content.access import access_memorial_import
from schema.content.inputs import LocationInput, values_of
from schema.content.types import (
    AliyahAssignment,
    AliyahAssignmentConnection,
    DailyContentPreferences,
    DaySchedule,
    HebrewDate,
    HolidayOverride,
    HolidayOverrideConnection,
    Memorial,
    MemorialConnection,
    MemorialImport,
    Message,
    MessageConnection,
    PrayerTime,
    PrayerTimeConnection,
    TorahClass,
    TorahClassConnection,
    Yahrzeit,
    Zmanim,
)
from schema.context import Info
from schema.errors import graphql_error
from schema.relay import Connection, connection_from_list, paginate
from schema.synagogue.loaders import tenant_synagogue, tenant_today, tenant_zone
from services.content import preferences, schedule, zmanim
from services.content.assignments import assignments_between
from services.content.memorials import memorials_in_order
from services.content.messages import messages_in_order
from services.content.prayer_times import prayer_times_in_order, torah_classes_in_order
from services.content.yahrzeits import yahrzeit_board
from services.infra.errors import ErrorCode
from services.infra.ids import decode_id

READERS = "VIEWER and above, the synagogue's devices and partner keys."
First = Annotated[int, strawberry.argument(description="The page size, 1 to 100.")]
After = Annotated[
    str | None, strawberry.argument(description="The endCursor of the page before; null for the first page.")
]
From = Annotated[dt.date, strawberry.argument(name="from", description="The first civil date (included).")]
To = Annotated[dt.date, strawberry.argument(description="The last civil date (included), at most 400 days on.")]


async def _throttle(info: Info) -> None:
    """Count an anonymous ask against its address; refuse it over the limit (HTTP 429 with Retry-After)."""
    context = info.context
    if context.principal.kind != "anonymous":
        return
    retry_after = await zmanim.public_retry_after(context.settings, context.client_ip or "unknown")
    if retry_after is None:
        return
    response = context.response
    if response is not None:
        response.status_code = 429
        response.headers["Retry-After"] = str(retry_after)
    raise graphql_error(ErrorCode.THROTTLED, "too many requests from this address", retryAfterSeconds=retry_after)


@strawberry.type
class ContentQuery:
    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Messages, highest priority first. {READERS}",
        graphql_type=MessageConnection,
    )
    async def messages(self, info: Info, first: First = 20, after: After = None) -> Connection[Message]:
        zone, now = await tenant_zone(info), dt.datetime.now(dt.UTC)
        return await paginate(info, messages_in_order(), first, after, lambda row: Message.of(row, zone, now))

    @strawberry.field(
        permission_classes=[CanReadTenant], description=f"Memorials by name. {READERS}", graphql_type=MemorialConnection
    )
    async def memorials(self, info: Info, first: First = 50, after: After = None) -> Connection[Memorial]:
        today = await tenant_today(info)
        return await paginate(info, memorials_in_order(), first, after, lambda row: Memorial.of(row, today))

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description="Yahrzeits whose light burns on a day between two civil dates (inclusive, at most 400 days), "
        "ordered by date: by the synagogue's yahrzeit policy, those observed on those days, or also those of their "
        f"week. {READERS}",
    )
    async def yahrzeits(self, info: Info, from_: From, to: To) -> list[Yahrzeit]:
        board = await yahrzeit_board(from_, to)
        today = await tenant_today(info)
        converted: dict[int, Memorial] = {}
        result = []
        for entry in board:
            memorial = converted.get(entry.memorial.id) or Memorial.of(entry.memorial, today)
            converted[entry.memorial.id] = memorial
            hebrew = HebrewDate.of(entry.hebrew_date)
            result.append(
                Yahrzeit(
                    date=entry.date,
                    hebrew_date=hebrew,
                    memorial=memorial,
                    lit_from=entry.first_day,
                    lit_until=entry.last_day,
                )
            )
        return result

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Prayer times by sortOrder. {READERS}",
        graphql_type=PrayerTimeConnection,
    )
    async def prayer_times(self, info: Info, first: First = 100, after: After = None) -> Connection[PrayerTime]:
        return await paginate(info, prayer_times_in_order(), first, after, PrayerTime.of)

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Torah classes by time of day. {READERS}",
        graphql_type=TorahClassConnection,
    )
    async def torah_classes(self, info: Info, first: First = 50, after: After = None) -> Connection[TorahClass]:
        return await paginate(info, torah_classes_in_order(), first, after, TorahClass.of)

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Aliyah assignments between two dates. {READERS}",
        graphql_type=AliyahAssignmentConnection,
    )
    async def aliyah_assignments(
        self, info: Info, from_: From, to: To, first: First = 100, after: After = None
    ) -> Connection[AliyahAssignment]:
        rows = await assignments_between(from_, to)
        return connection_from_list(info, [AliyahAssignment.of(r) for r in rows], first, after)

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Holiday-time overrides between two dates. {READERS}",
        graphql_type=HolidayOverrideConnection,
    )
    async def holiday_overrides(
        self, info: Info, from_: From, to: To, first: First = 100, after: After = None
    ) -> Connection[HolidayOverride]:
        return await paginate(info, preferences.overrides_between(from_, to), first, after, HolidayOverride.of)

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description=f"Which daily items the screens show (the defaults until changed). {READERS}",
    )
    async def daily_content_preferences(self, info: Info) -> DailyContentPreferences:
        return DailyContentPreferences.of(await preferences.preferences())

    @strawberry.field(permission_classes=[CanReadTenant], description=f"The synagogue's day, computed. {READERS}")
    async def day_schedule(
        self, info: Info, date: Annotated[dt.date, strawberry.argument(description="The civil date.")]
    ) -> DaySchedule:
        return DaySchedule.of(await schedule.day_schedule(await tenant_synagogue(info), date))

    @strawberry.field(
        description="Zmanim for the synagogue's location (VIEWER and above, its devices and partner keys), or for "
        "`location` (no credential needed then; asks are limited per client address)."
    )
    async def zmanim(
        self,
        info: Info,
        date: Annotated[dt.date, strawberry.argument(description="The civil date.")],
        location: Annotated[
            LocationInput | None,
            strawberry.argument(
                description="A place, open to anyone (asks counted per client address); null: the synagogue's own, "
                f"for {READERS}"
            ),
        ] = None,
    ) -> Zmanim:
        if location is None:
            CanReadTenant().has_permission(None, info)
            place = schedule.location_of(await tenant_synagogue(info))
        else:
            await _throttle(info)
            place = zmanim.place_of(values_of(location))
        return Zmanim(date=date, **compute_zmanim(date, place))

    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="A memorial CSV import, to poll for its progress; null when missing or not yours. "
        "EDITOR and above.",
    )
    async def memorial_import(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The import's global id.")]
    ) -> MemorialImport | None:
        job = await access_memorial_import(info, decode_id(id, "MemorialImport"))
        return MemorialImport.of(job, await tenant_zone(info)) if job else None
