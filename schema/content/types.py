"""Output types of the content domain. DateTimes are in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import strawberry

import luach
from luach import ZMAN_KEYS
from models import content as m
from models.identity import Role
from permissions import HasRole
from schema.content.enums import (
    Aliyah,
    DayKind,
    HebrewMonth,
    OverrideKind,
    RoundDirection,
    Weekday,
    ZmanKey,
)
from schema.relay import Node, to_global_id
from services.content.memorials import death_date_of
from services.content.messages import is_active

MAX_YAHRZEIT_YEARS = 100


def local(moment: dt.datetime | None, zone: ZoneInfo) -> dt.datetime | None:
    return None if moment is None else moment.astimezone(zone)


@strawberry.type(description="A date of the Hebrew calendar.")
class HebrewDate:
    day: int
    month: HebrewMonth
    year: int
    display: str = strawberry.field(description='English, e.g. "5 Kislev 5787".')
    hebrew_display: str = strawberry.field(description="In Hebrew letters.")

    @classmethod
    def of(cls, value: luach.HebrewDate) -> HebrewDate:
        return cls(
            day=value.day,
            month=HebrewMonth(value.month.value),
            year=value.year,
            display=value.display,
            hebrew_display=value.hebrew_display,
        )


@strawberry.type
class Message(Node):
    id: strawberry.ID
    title: str
    body: str
    priority: int
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    is_active: bool = strawberry.field(description="Showing now, by the clock.")

    @classmethod
    def of(cls, row: m.Message, zone: ZoneInfo, now: dt.datetime) -> Message:
        return cls(
            id=strawberry.ID(to_global_id("Message", row.id)),
            title=row.title,
            body=row.body,
            priority=row.priority,
            starts_at=local(row.starts_at, zone),
            ends_at=local(row.ends_at, zone),
            is_active=is_active(row, now),
        )


@strawberry.type
class YahrzeitOccurrence:
    hebrew_year: int
    date: dt.date | None = strawberry.field(description="Null for years up to the year of death.")


@strawberry.type(description="A memorial (hanzacha) entry.")
class Memorial(Node):
    id: strawberry.ID
    name: str
    hebrew_name: str
    date_of_death: dt.date | None
    after_sunset: bool
    hebrew_date_of_death: HebrewDate
    next_yahrzeit: dt.date = strawberry.field(description="The next observance on or after today.")
    plaque: str
    _row: strawberry.Private[m.Memorial]

    @strawberry.field(permission_classes=[HasRole(Role.EDITOR)], description="EDITOR and above.")
    def family_email(self) -> str | None:
        return self._row.family_email

    @strawberry.field(description="The civil date of the yahrzeit in each Hebrew year asked (at most 100).")
    def yahrzeits(self, hebrew_years: list[int]) -> list[YahrzeitOccurrence]:
        from schema.errors import graphql_error
        from services.errors import ErrorCode

        if len(hebrew_years) > MAX_YAHRZEIT_YEARS:
            raise graphql_error(ErrorCode.BAD_USER_INPUT, "at most 100 years", argument="hebrewYears")
        death = death_date_of(self._row)
        found = []
        for year in hebrew_years:
            valid = luach.hebrew_date.MIN_YEAR <= year <= luach.hebrew_date.MAX_YEAR - 1
            found.append(YahrzeitOccurrence(hebrew_year=year, date=luach.yahrzeit(death, year) if valid else None))
        return found

    @classmethod
    def of(cls, row: m.Memorial, today: dt.date) -> Memorial:
        death = death_date_of(row)
        return cls(
            id=strawberry.ID(to_global_id("Memorial", row.id)),
            name=row.name,
            hebrew_name=row.hebrew_name,
            date_of_death=row.date_of_death,
            after_sunset=row.after_sunset,
            hebrew_date_of_death=HebrewDate.of(death),
            next_yahrzeit=luach.next_yahrzeit(death, today),
            plaque=row.plaque,
            _row=row,
        )


@strawberry.type(description="A yahrzeit on the board: when it is observed, and whose it is.")
class Yahrzeit:
    date: dt.date
    hebrew_date: HebrewDate
    memorial: Memorial


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


def _weekdays(names: list[str]) -> list[Weekday]:
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
            days=_weekdays(row.days),
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


@strawberry.type
class TorahClass(Node):
    id: strawberry.ID
    title: str
    teacher: str
    days: list[Weekday]
    time: dt.time
    location: str
    description: str

    @classmethod
    def of(cls, row: m.TorahClass) -> TorahClass:
        return cls(
            id=strawberry.ID(to_global_id("TorahClass", row.id)),
            title=row.title,
            teacher=row.teacher,
            days=_weekdays(row.days),
            time=row.time,
            location=row.location,
            description=row.description,
        )


@strawberry.type(description="Who is called to the Torah for one aliyah on one date.")
class AliyahAssignment(Node):
    id: strawberry.ID
    date: dt.date
    aliyah: Aliyah
    person_name: str
    notify: bool
    _row: strawberry.Private[m.AliyahAssignment]

    @strawberry.field(permission_classes=[HasRole(Role.EDITOR)], description="EDITOR and above.")
    def notify_email(self) -> str | None:
        return self._row.notify_email

    @classmethod
    def of(cls, row: m.AliyahAssignment) -> AliyahAssignment:
        return cls(
            id=strawberry.ID(to_global_id("AliyahAssignment", row.id)),
            date=row.date,
            aliyah=Aliyah(row.aliyah),
            person_name=row.person_name,
            notify=row.notify,
            _row=row,
        )


@strawberry.type(description="A time the synagogue fixes itself on one date.")
class HolidayOverride(Node):
    id: strawberry.ID
    date: dt.date
    kind: OverrideKind
    prayer_time_id: strawberry.ID | None
    time: dt.time
    note: str

    @classmethod
    def of(cls, row: m.HolidayOverride) -> HolidayOverride:
        prayer = to_global_id("PrayerTime", row.prayer_time_id) if row.prayer_time_id else None
        return cls(
            id=strawberry.ID(to_global_id("HolidayOverride", row.id)),
            date=row.date,
            kind=OverrideKind(row.kind),
            prayer_time_id=strawberry.ID(prayer) if prayer else None,
            time=row.time,
            note=row.note,
        )


@strawberry.type(description="Which daily items the synagogue's screens show.")
class DailyContentPreferences:
    show_daf_yomi: bool
    show_omer: bool
    show_parasha: bool
    show_hebrew_date: bool
    zmanim: list[ZmanKey]

    @classmethod
    def of(cls, row: m.DailyContentPreference) -> DailyContentPreferences:
        return cls(
            show_daf_yomi=row.show_daf_yomi,
            show_omer=row.show_omer,
            show_parasha=row.show_parasha,
            show_hebrew_date=row.show_hebrew_date,
            zmanim=[ZmanKey(key) for key in row.zmanim],
        )


def _zmanim_type() -> Any:
    annotations: dict[str, Any] = {"date": dt.date}
    namespace: dict[str, Any] = {"__annotations__": annotations}
    for key in ZMAN_KEYS:
        annotations[key] = dt.datetime | None
        namespace[key] = strawberry.field(name=key, description=luach.ZMAN_LABELS[key], default=None)
    return strawberry.type(
        type("Zmanim", (), namespace),
        description="Halachic times of a day at a place, named as @hebcal/core's Zmanim methods; "
        "null when the zman does not occur that day (polar day or night).",
    )


Zmanim: Any = _zmanim_type()
