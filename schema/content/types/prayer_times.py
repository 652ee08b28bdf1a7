"""Prayer times: fixed or relative to a zman, by weekday, kind of day and season."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from models import content as m
from schema.content.enums import DayKind, HebrewMonth, RoundDirection, Weekday, ZmanKey
from schema.content.loaders import held_until_loader
from schema.content.types.common import HELD_UNTIL
from schema.context import Info
from schema.relay import Connection, Node
from services.infra.ids import to_global_id


@strawberry.type(description="A day of the Hebrew year, without the year.")
class HebrewDay:
    day: int = strawberry.field(description="The day of the month, 1 to 30.")
    month: HebrewMonth = strawberry.field(description="The month (ADAR stands for Adar II in a leap year).")


@strawberry.type(description="A stretch of every Hebrew year, both ends included (wrapping the year end).")
class HebrewSeason:
    start: HebrewDay = strawberry.field(description="The first day of the stretch.")
    end: HebrewDay = strawberry.field(description="The last day of the stretch; before start, it wraps the year end.")

    @classmethod
    def of(cls, stored: dict[str, Any] | None) -> HebrewSeason | None:
        if not stored:
            return None
        start, end = stored["start"], stored["end"]
        return cls(
            start=HebrewDay(day=start["day"], month=HebrewMonth(start["month"])),
            end=HebrewDay(day=end["day"], month=HebrewMonth(end["month"])),
        )


def weekdays(names: list[str]) -> list[Weekday]:
    return [Weekday(name) for name in names]


@strawberry.type(
    description="A service of the synagogue (e.g. Shacharit): a fixed time or one relative to a zman, on some "
    "weekdays or kinds of day, within a season."
)
class PrayerTime(Node):
    id: strawberry.ID = strawberry.field(description="The prayer time's global id.")
    name: str = strawberry.field(description='The name the screens show, e.g. "Shacharit".')
    days: list[Weekday] = strawberry.field(description="The weekdays it is said on, Monday first.")
    day_kinds: list[DayKind] = strawberry.field(description="Kinds of day it is also said on, whatever the weekday.")
    exclude_day_kinds: list[DayKind] = strawberry.field(
        description="Kinds of day it is not said on, even on one of its weekdays."
    )
    fixed_time: dt.time | None = strawberry.field(
        description="A fixed wall time in the synagogue's time zone; null when it follows relativeTo."
    )
    relative_to: ZmanKey | None = strawberry.field(description="The zman it follows; null for a fixed time.")
    offset_minutes: int = strawberry.field(description="Minutes after relativeTo (negative: before), -720 to 720.")
    round_to_minutes: int = strawberry.field(
        description="The step a relative time is rounded to, in minutes from midnight (0: to the minute), 0 to 60."
    )
    round_direction: RoundDirection = strawberry.field(description="Which way a relative time is rounded.")
    valid_from: dt.date | None = strawberry.field(description="The first civil date it is said; null: no start.")
    valid_to: dt.date | None = strawberry.field(description="The last civil date it is said (included); null: no end.")
    recurs_yearly: bool = strawberry.field(description="The season returns every year (month and day compare).")
    hebrew_season: HebrewSeason | None = strawberry.field(description="Said only in this stretch of the Hebrew year.")
    location: str = strawberry.field(description='Where it is held, e.g. "Beit Midrash"; may be empty.')
    sort_order: int = strawberry.field(description="Lists show lower values first (then older prayer times first).")
    _pk: strawberry.Private[int]

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "PrayerTime").load(self._pk)

    @classmethod
    def of(cls, row: m.PrayerTime) -> PrayerTime:
        return cls(
            id=strawberry.ID(to_global_id("PrayerTime", row.id)),
            name=row.name,
            days=weekdays(row.days),
            day_kinds=[DayKind(k) for k in row.day_kinds],
            exclude_day_kinds=[DayKind(k) for k in row.exclude_day_kinds],
            fixed_time=row.fixed_time,
            relative_to=ZmanKey(row.relative_to) if row.relative_to else None,
            offset_minutes=row.offset_minutes,
            round_to_minutes=row.round_to_minutes,
            round_direction=RoundDirection(row.round_direction),
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            recurs_yearly=row.recurs_yearly,
            hebrew_season=HebrewSeason.of(row.hebrew_season),
            location=row.location,
            sort_order=row.sort_order,
            _pk=row.id,
        )


@strawberry.type(description="A page of the synagogue's prayer times, by sortOrder.")
class PrayerTimeConnection(Connection[PrayerTime]):
    pass
