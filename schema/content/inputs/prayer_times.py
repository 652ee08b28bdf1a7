"""Inputs of prayer times (fixed, or relative to a zman; by weekday, kind of day and season) and of the place
zmanim are computed for."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from schema.content.enums import DayKind, HebrewMonth, RoundDirection, Weekday, ZmanKey
from schema.content.inputs.media import URGENT

_NAME = 'The name the screens show, e.g. "Mincha", 1 to 200 characters.'
_DAYS = "The weekdays it is said on; with dayKinds, at least one weekday or kind of day."
_FIXED_TIME = "A fixed wall time in the synagogue's time zone (instead of relativeTo)."
_RELATIVE_TO = "The zman it follows, plus offsetMinutes (instead of fixedTime)."
_OFFSET = "Minutes after relativeTo (negative: before), -720 to 720."
_ROUND_TO = "Round a relative time to this step, in minutes from midnight (0: to the minute), 0 to 60."
_ROUND_DIRECTION = "Which way a relative time is rounded."
_LOCATION = 'Where it is held, e.g. "Beit Midrash", at most 200 characters.'
_DAY_KINDS = "Kinds of day it is also said on, whatever the weekday."
_EXCLUDE_DAY_KINDS = "Kinds of day it is not said on, even on one of its weekdays."
_VALID_FROM = "The first civil date it is said; null: no start."
_VALID_TO = "The last civil date it is said (included), not before validFrom unless recursYearly; null: no end."
_SORT_ORDER = "Lists show lower values first, -10,000 to 10,000."
_HEBREW_SEASON = "Said only inside this stretch of every Hebrew year (besides validFrom/validTo); null for all year."
_RECURS = (
    "The season validFrom..validTo returns every year: month and day compare, the years are ignored; "
    "an end before the start in the year wraps the year end (Nov 1 - Mar 31). Needs both ends."
)


@strawberry.input(description="A day of the Hebrew year, without the year (e.g. 15 NISAN).")
class HebrewDayInput:
    day: int = strawberry.field(description="The day of the month, 1 to 30 (a day some year has).")
    month: HebrewMonth = strawberry.field(description="The month; ADAR stands for Adar II in a leap year.")


@strawberry.input(
    description="A stretch of every Hebrew year, both ends included; an end before the start wraps the year "
    "end. ADAR stands for Adar II in a leap year."
)
class HebrewSeasonInput:
    start: HebrewDayInput = strawberry.field(description="The first day of the stretch.")
    end: HebrewDayInput = strawberry.field(description="The last day of the stretch.")


@strawberry.input(description="Exactly one of fixedTime / relativeTo.")
class CreatePrayerTimeInput:
    name: str = strawberry.field(description=_NAME)
    days: list[Weekday] = strawberry.field(description=_DAYS)
    fixed_time: dt.time | None = strawberry.field(default=UNSET, description=_FIXED_TIME)
    relative_to: ZmanKey | None = strawberry.field(default=UNSET, description=_RELATIVE_TO)
    offset_minutes: int = strawberry.field(default=0, description=_OFFSET)
    round_to_minutes: int = strawberry.field(default=0, description=_ROUND_TO)
    round_direction: RoundDirection = strawberry.field(default=RoundDirection.DOWN, description=_ROUND_DIRECTION)
    location: str | None = strawberry.field(default=UNSET, description=_LOCATION)
    day_kinds: list[DayKind] | None = strawberry.field(default=UNSET, description=_DAY_KINDS)
    exclude_day_kinds: list[DayKind] | None = strawberry.field(default=UNSET, description=_EXCLUDE_DAY_KINDS)
    valid_from: dt.date | None = strawberry.field(default=UNSET, description=_VALID_FROM)
    valid_to: dt.date | None = strawberry.field(default=UNSET, description=_VALID_TO)
    recurs_yearly: bool = strawberry.field(default=False, description=_RECURS)
    hebrew_season: HebrewSeasonInput | None = strawberry.field(default=UNSET, description=_HEBREW_SEASON)
    sort_order: int = strawberry.field(default=0, description=_SORT_ORDER)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Giving fixedTime clears relativeTo and the other way round.")
class UpdatePrayerTimeInput:
    id: strawberry.ID = strawberry.field(description="The prayer time's global id.")
    name: str | None = strawberry.field(default=UNSET, description=_NAME)
    days: list[Weekday] | None = strawberry.field(default=UNSET, description=_DAYS)
    fixed_time: dt.time | None = strawberry.field(default=UNSET, description=_FIXED_TIME)
    relative_to: ZmanKey | None = strawberry.field(default=UNSET, description=_RELATIVE_TO)
    offset_minutes: int | None = strawberry.field(default=UNSET, description=_OFFSET)
    round_to_minutes: int | None = strawberry.field(default=UNSET, description=_ROUND_TO)
    round_direction: RoundDirection | None = strawberry.field(default=UNSET, description=_ROUND_DIRECTION)
    location: str | None = strawberry.field(default=UNSET, description=_LOCATION)
    day_kinds: list[DayKind] | None = strawberry.field(default=UNSET, description=_DAY_KINDS)
    exclude_day_kinds: list[DayKind] | None = strawberry.field(default=UNSET, description=_EXCLUDE_DAY_KINDS)
    valid_from: dt.date | None = strawberry.field(default=UNSET, description=_VALID_FROM)
    valid_to: dt.date | None = strawberry.field(default=UNSET, description=_VALID_TO)
    recurs_yearly: bool | None = strawberry.field(default=UNSET, description=_RECURS)
    hebrew_season: HebrewSeasonInput | None = strawberry.field(default=UNSET, description=_HEBREW_SEASON)
    sort_order: int | None = strawberry.field(default=UNSET, description=_SORT_ORDER)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="A place to compute zmanim for.")
class LocationInput:
    latitude: float = strawberry.field(description="Degrees north (negative: south), -90 to 90.")
    longitude: float = strawberry.field(description="Degrees east (negative: west), -180 to 180.")
    timezone: str = strawberry.field(
        description='An IANA time zone, e.g. "America/Chicago"; the zmanim are given in it.'
    )
    elevation: float = strawberry.field(default=0, description="Metres above sea level, -500 to 9000.")
    use_elevation: bool = strawberry.field(
        default=False, description="Sunrise and sunset (and the zmanim built on them) as seen from that elevation."
    )
