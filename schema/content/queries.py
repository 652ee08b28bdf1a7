"""Content queries: lists (Relay connections), the yahrzeit board, the computed day, zmanim."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry

import luach
from models import content as m
from permissions import CanReadTenant, HasRole, Role
from resolvers.content import access
from resolvers.content.zmanim import zmanim_for
from schema.content.day import DaySchedule
from schema.content.imports import MemorialImport
from schema.content.inputs import LocationInput
from schema.content.jobs import Job
from schema.content.types import (
    AliyahAssignment,
    DailyContentPreferences,
    HolidayOverride,
    Memorial,
    Message,
    PrayerTime,
    TorahClass,
    Yahrzeit,
    Zmanim,
)
from schema.context import Info
from schema.errors import graphql_error
from schema.relay import Connection, NodeResolver, paginate
from services.content import memorials, preferences, schedule
from services.infra.errors import ErrorCode

From = Annotated[dt.date, strawberry.argument(name="from")]
MAX_RANGE_DAYS = memorials.MAX_BOARD_DAYS


def _check_range(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise graphql_error(ErrorCode.BAD_USER_INPUT, "`to` is before `from`", argument="to")
    if (end - start).days > MAX_RANGE_DAYS:
        raise graphql_error(ErrorCode.BAD_USER_INPUT, f"at most {MAX_RANGE_DAYS} days", argument="to")


async def _node_message(info: Info, pk: int) -> Message | None:
    row = await access.access_message(info, pk)
    return Message.of(row, await access.zone(info), dt.datetime.now(dt.UTC)) if row else None


async def _node_memorial(info: Info, pk: int) -> Memorial | None:
    row = await access.access_memorial(info, pk)
    return Memorial.of(row, await access.today(info)) if row else None


async def _node_prayer_time(info: Info, pk: int) -> PrayerTime | None:
    row = await access.access_prayer_time(info, pk)
    return PrayerTime.of(row) if row else None


async def _node_torah_class(info: Info, pk: int) -> TorahClass | None:
    row = await access.access_torah_class(info, pk)
    return TorahClass.of(row) if row else None


async def _node_aliyah(info: Info, pk: int) -> AliyahAssignment | None:
    row = await access.access_aliyah(info, pk)
    return AliyahAssignment.of(row) if row else None


async def _node_override(info: Info, pk: int) -> HolidayOverride | None:
    row = await access.access_override(info, pk)
    return HolidayOverride.of(row) if row else None


async def _node_job(info: Info, pk: int) -> Job | None:
    row = await access.access_job(info, pk)
    return Job.of(row, await access.zone(info)) if row else None


async def _node_import(info: Info, pk: int) -> MemorialImport | None:
    job = await access.access_import(info, pk)
    return MemorialImport.of(job, await access.zone(info)) if job else None


NODES: dict[str, NodeResolver] = {
    "Message": _node_message,
    "Memorial": _node_memorial,
    "PrayerTime": _node_prayer_time,
    "TorahClass": _node_torah_class,
    "AliyahAssignment": _node_aliyah,
    "HolidayOverride": _node_override,
    "MemorialImport": _node_import,
    "Job": _node_job,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[CanReadTenant], description="Messages, highest priority first.")
    async def messages(self, info: Info, first: int = 20, after: str | None = None) -> Connection[Message]:
        zone, now = await access.zone(info), dt.datetime.now(dt.UTC)
        query = m.Message.all().order_by("-priority", "-id")
        return await paginate(info, query, first, after, lambda row: Message.of(row, zone, now))

    @strawberry.field(permission_classes=[CanReadTenant], description="Memorials by name.")
    async def memorials(self, info: Info, first: int = 50, after: str | None = None) -> Connection[Memorial]:
        today = await access.today(info)
        query = m.Memorial.all().order_by("name", "id")
        return await paginate(info, query, first, after, lambda row: Memorial.of(row, today))

    @strawberry.field(
        permission_classes=[CanReadTenant],
        description="Yahrzeits observed between two civil dates (inclusive, at most 400 days), ordered by date.",
    )
    async def yahrzeits(self, info: Info, from_: From, to: dt.date) -> list[Yahrzeit]:
        _check_range(from_, to)
        today = await access.today(info)
        board = await memorials.yahrzeit_board(from_, to)
        converted: dict[int, Memorial] = {}
        result = []
        for entry in board:
            memorial = converted.get(entry.memorial.id) or Memorial.of(entry.memorial, today)
            converted[entry.memorial.id] = memorial
            result.append(Yahrzeit(date=entry.date, hebrew_date=_hebrew(entry.hebrew_date), memorial=memorial))
        return result

    @strawberry.field(permission_classes=[CanReadTenant])
    async def prayer_times(self, info: Info, first: int = 100, after: str | None = None) -> Connection[PrayerTime]:
        return await paginate(info, m.PrayerTime.all().order_by("sort_order", "id"), first, after, PrayerTime.of)

    @strawberry.field(permission_classes=[CanReadTenant])
    async def torah_classes(self, info: Info, first: int = 50, after: str | None = None) -> Connection[TorahClass]:
        return await paginate(info, m.TorahClass.all().order_by("time", "id"), first, after, TorahClass.of)

    @strawberry.field(permission_classes=[CanReadTenant], description="Aliyah assignments between two dates.")
    async def aliyah_assignments(
        self, info: Info, from_: From, to: dt.date, first: int = 100, after: str | None = None
    ) -> Connection[AliyahAssignment]:
        _check_range(from_, to)
        query = m.AliyahAssignment.filter(date__gte=from_, date__lte=to).order_by("date", "id")
        rows = await query
        rows.sort(key=lambda a: (a.date, schedule.ALIYOT.index(a.aliyah)))
        from schema.relay import connection_from_list

        return connection_from_list(info, [AliyahAssignment.of(r) for r in rows], first, after)

    @strawberry.field(permission_classes=[CanReadTenant], description="Holiday-time overrides between two dates.")
    async def holiday_overrides(
        self, info: Info, from_: From, to: dt.date, first: int = 100, after: str | None = None
    ) -> Connection[HolidayOverride]:
        _check_range(from_, to)
        query = m.HolidayOverride.filter(date__gte=from_, date__lte=to).order_by("date", "id")
        return await paginate(info, query, first, after, HolidayOverride.of)

    @strawberry.field(permission_classes=[CanReadTenant])
    async def daily_content_preferences(self, info: Info) -> DailyContentPreferences:
        return DailyContentPreferences.of(await preferences.preferences())

    @strawberry.field(permission_classes=[CanReadTenant], description="The synagogue's day, computed.")
    async def day_schedule(self, info: Info, date: dt.date) -> DaySchedule:
        return DaySchedule.of(await schedule.day_schedule(await access.synagogue(info), date))

    @strawberry.field(description="Zmanim for the synagogue's location, or for `location` (no credential needed then).")
    async def zmanim(self, info: Info, date: dt.date, location: LocationInput | None = None) -> Zmanim:
        return await zmanim_for(info, date, location)

    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)], description="A memorial CSV import, to poll for its progress."
    )
    async def memorial_import(self, info: Info, id: strawberry.ID) -> MemorialImport | None:
        job = await access.by_global_id(info, id, "MemorialImport")
        return MemorialImport.of(job, await access.zone(info)) if job else None

    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="A background job (a memorial import, ...) by its id, to poll; null when missing or not yours.",
    )
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        row = await access.job_by_global_id(info, id)
        return Job.of(row, await access.zone(info)) if row else None


def _hebrew(value: luach.HebrewDate) -> Any:
    from schema.content.types import HebrewDate

    return HebrewDate.of(value)
