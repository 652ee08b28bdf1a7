"""Prayer times: fixed or relative to a zman, by weekday, kind of day and season."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from models import content as m
from schema.content.enums import DayKind, HebrewMonth, RoundDirection, Weekday, ZmanKey
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type(description="A day of the Hebrew year, without the year.")
class HebrewDay:
    day: int
    month: HebrewMonth


@strawberry.type(description="A stretch of every Hebrew year, both ends included (wrapping the year end).")
class HebrewSeason:
    start: HebrewDay
    end: HebrewDay

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


@strawberry.type
class PrayerTime(Node):
    id: strawberry.ID
    name: str
    days: list[Weekday]
    day_kinds: list[DayKind]
    exclude_day_kinds: list[DayKind]
    fixed_time: dt.time | None
    relative_to: ZmanKey | None
    offset_minutes: int
    round_to_minutes: int
    round_direction: RoundDirection
    valid_from: dt.date | None
    valid_to: dt.date | None
    recurs_yearly: bool = strawberry.field(description="The season returns every year (month and day compare).")
    hebrew_season: HebrewSeason | None = strawberry.field(description="Said only in this stretch of the Hebrew year.")
    location: str
    sort_order: int

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
        )
