"""Inputs of the content domain, as ../shared/clients/README.md lists them. Fields left out of an
update keep their value; `values_of` turns an input into the service's snake_case values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

import strawberry
from strawberry import UNSET

from schema.content.enums import Aliyah, DayKind, HebrewMonth, OverrideKind, RoundDirection, Weekday, ZmanKey


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def values_of(data: Any, skip: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """The given fields of an input (UNSET ones left out), enums as their values."""
    return {
        f.name: _plain(getattr(data, f.name))
        for f in dataclasses.fields(data)
        if f.name not in skip and getattr(data, f.name) is not UNSET
    }


@strawberry.input
class CreateMessageInput:
    title: str
    body: str = ""
    priority: int = 0
    starts_at: dt.datetime | None = UNSET
    ends_at: dt.datetime | None = UNSET


@strawberry.input
class UpdateMessageInput:
    id: strawberry.ID
    title: str | None = UNSET
    body: str | None = UNSET
    priority: int | None = UNSET
    starts_at: dt.datetime | None = UNSET
    ends_at: dt.datetime | None = UNSET


@strawberry.input
class HebrewDateInput:
    day: int
    month: HebrewMonth
    year: int


@strawberry.input(description="Exactly one of dateOfDeath / hebrewDateOfDeath.")
class CreateMemorialInput:
    name: str
    hebrew_name: str | None = UNSET
    date_of_death: dt.date | None = UNSET
    after_sunset: bool = False
    hebrew_date_of_death: HebrewDateInput | None = UNSET
    plaque: str | None = UNSET
    family_email: str | None = UNSET


@strawberry.input(description="Giving dateOfDeath or hebrewDateOfDeath replaces the date of death.")
class UpdateMemorialInput:
    id: strawberry.ID
    name: str | None = UNSET
    hebrew_name: str | None = UNSET
    date_of_death: dt.date | None = UNSET
    after_sunset: bool | None = UNSET
    hebrew_date_of_death: HebrewDateInput | None = UNSET
    plaque: str | None = UNSET
    family_email: str | None = UNSET


@strawberry.input(description="A day of the Hebrew year, without the year (e.g. 15 NISAN).")
class HebrewDayInput:
    day: int
    month: HebrewMonth


@strawberry.input(
    description="A stretch of every Hebrew year, both ends included; an end before the start wraps the year "
    "end. ADAR stands for Adar II in a leap year."
)
class HebrewSeasonInput:
    start: HebrewDayInput
    end: HebrewDayInput


_HEBREW_SEASON = "Said only inside this stretch of every Hebrew year (besides validFrom/validTo); null for all year."
_RECURS = (
    "The season validFrom..validTo returns every year: month and day compare, the years are ignored; "
    "an end before the start in the year wraps the year end (Nov 1 - Mar 31). Needs both ends."
)


@strawberry.input(description="Exactly one of fixedTime / relativeTo.")
class CreatePrayerTimeInput:
    name: str
    days: list[Weekday]
    fixed_time: dt.time | None = UNSET
    relative_to: ZmanKey | None = UNSET
    offset_minutes: int = 0
    round_to_minutes: int = 0
    round_direction: RoundDirection = RoundDirection.DOWN
    location: str | None = UNSET
    day_kinds: list[DayKind] | None = UNSET
    exclude_day_kinds: list[DayKind] | None = UNSET
    valid_from: dt.date | None = UNSET
    valid_to: dt.date | None = UNSET
    recurs_yearly: bool = strawberry.field(default=False, description=_RECURS)
    hebrew_season: HebrewSeasonInput | None = strawberry.field(default=UNSET, description=_HEBREW_SEASON)
    sort_order: int = 0


@strawberry.input(description="Giving fixedTime clears relativeTo and the other way round.")
class UpdatePrayerTimeInput:
    id: strawberry.ID
    name: str | None = UNSET
    days: list[Weekday] | None = UNSET
    fixed_time: dt.time | None = UNSET
    relative_to: ZmanKey | None = UNSET
    offset_minutes: int | None = UNSET
    round_to_minutes: int | None = UNSET
    round_direction: RoundDirection | None = UNSET
    location: str | None = UNSET
    day_kinds: list[DayKind] | None = UNSET
    exclude_day_kinds: list[DayKind] | None = UNSET
    valid_from: dt.date | None = UNSET
    valid_to: dt.date | None = UNSET
    recurs_yearly: bool | None = strawberry.field(default=UNSET, description=_RECURS)
    hebrew_season: HebrewSeasonInput | None = strawberry.field(default=UNSET, description=_HEBREW_SEASON)
    sort_order: int | None = UNSET


@strawberry.input
class CreateTorahClassInput:
    title: str
    days: list[Weekday]
    time: dt.time
    teacher: str | None = UNSET
    location: str | None = UNSET
    description: str | None = UNSET


@strawberry.input
class UpdateTorahClassInput:
    id: strawberry.ID
    title: str | None = UNSET
    days: list[Weekday] | None = UNSET
    time: dt.time | None = UNSET
    teacher: str | None = UNSET
    location: str | None = UNSET
    description: str | None = UNSET


@strawberry.input(description="Assigning an aliyah that is already assigned on that date replaces the person.")
class AssignAliyahInput:
    date: dt.date
    aliyah: Aliyah
    person_name: str
    notify: bool = False
    notify_email: str | None = UNSET


@strawberry.input(description="Notification settings stay as they are; assignAliyah changes them.")
class UpdateAliyahAssignmentInput:
    id: strawberry.ID
    date: dt.date | None = UNSET
    aliyah: Aliyah | None = UNSET
    person_name: str | None = UNSET


@strawberry.input
class LocationInput:
    latitude: float
    longitude: float
    timezone: str
    elevation: float = 0
    use_elevation: bool = False


@strawberry.input
class UpdateDailyContentPreferencesInput:
    show_daf_yomi: bool | None = UNSET
    show_omer: bool | None = UNSET
    show_parasha: bool | None = UNSET
    show_hebrew_date: bool | None = UNSET
    zmanim: list[ZmanKey] | None = UNSET


@strawberry.input(description="PRAYER_TIME overrides name the prayer time; the same date and target replace.")
class SetHolidayOverrideInput:
    date: dt.date
    kind: OverrideKind
    time: dt.time
    prayer_time_id: strawberry.ID | None = UNSET
    note: str | None = UNSET


@strawberry.input(description="A PRAYER_TIME override names its prayer time; another kind clears it.")
class UpdateHolidayOverrideInput:
    id: strawberry.ID
    date: dt.date | None = UNSET
    kind: OverrideKind | None = UNSET
    time: dt.time | None = UNSET
    prayer_time_id: strawberry.ID | None = UNSET
    note: str | None = UNSET


@strawberry.input
class ImportMemorialsInput:
    csv: str
    all_or_nothing: bool = False
