"""The memorial board's yahrzeit policy: on which Hebrew date a yahrzeit is kept when a synagogue follows its own
custom for Adar, and which days its light burns.

Hand-written (a synagogue's custom, not a calendar library's): the Hebrew date itself is `luach.yahrzeit`'s
(hebcal's Ashkenazic rules); this module only widens it.

- `AdarRule` applies to a death in Adar of a common year, kept in a leap year: ADAR_I is today's rule (hebcal's
  ``getYahrzeit``, the Rema), ADAR_II keeps it in Adar II (the Mechaber's custom), BOTH keeps it in each.
- `YahrzeitWindow` is how long the light burns: HEBREW_DATE the Hebrew date only, WEEK the week of the yahrzeit
  (Sunday to Shabbat), SHABBAT_TO_FRIDAY from the Shabbat on or before the yahrzeit to the Friday after it. A
  light begins at sunset of the evening before its first day (when the Hebrew day begins) and ends at sunset of
  its last day.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from datetime import date, timedelta

from luach.hebrew_date import HebrewDate, HebrewMonth, is_leap_year
from luach.yahrzeit import observed_hebrew_date

__all__ = ["AdarRule", "BoardLight", "YahrzeitWindow", "lights_between", "lit_days", "observed_dates"]

_SUNDAY, _SATURDAY = 6, 5  # date.weekday()


class YahrzeitWindow(enum.Enum):
    HEBREW_DATE = "HEBREW_DATE"
    WEEK = "WEEK"
    SHABBAT_TO_FRIDAY = "SHABBAT_TO_FRIDAY"


class AdarRule(enum.Enum):
    ADAR_I = "ADAR_I"
    ADAR_II = "ADAR_II"
    BOTH = "BOTH"


def observed_dates(death: HebrewDate, hebrew_year: int, adar: AdarRule = AdarRule.ADAR_I) -> list[HebrewDate]:
    """The Hebrew dates on which the yahrzeit of `death` is kept in `hebrew_year` (none before the first
    anniversary; two in a leap year for a death in a common year's Adar under BOTH)."""
    today_rule = observed_hebrew_date(death, hebrew_year)
    if today_rule is None:
        return []
    if death.month is not HebrewMonth.ADAR or not is_leap_year(hebrew_year) or adar is AdarRule.ADAR_I:
        return [today_rule]
    adar_ii = HebrewDate(hebrew_year, HebrewMonth.ADAR_II, min(death.day, 29))
    return [adar_ii] if adar is AdarRule.ADAR_II else [today_rule, adar_ii]


def lit_days(observed: date, window: YahrzeitWindow) -> tuple[date, date]:
    """The first and last civil day the light of a yahrzeit kept on `observed` burns (inclusive)."""
    if window is YahrzeitWindow.WEEK:
        first = observed - timedelta(days=(observed.weekday() - _SUNDAY) % 7)
    elif window is YahrzeitWindow.SHABBAT_TO_FRIDAY:
        first = observed - timedelta(days=(observed.weekday() - _SATURDAY) % 7)
    else:
        return observed, observed
    return first, first + timedelta(days=6)


@dataclass(frozen=True)
class BoardLight:
    """One yahrzeit on the board: the Hebrew and civil date it is kept, and the civil days its light burns."""

    hebrew_date: HebrewDate
    date: dt.date
    first_day: dt.date
    last_day: dt.date


def lights_between(
    death: HebrewDate, start: date, end: date, window: YahrzeitWindow, adar: AdarRule = AdarRule.ADAR_I
) -> list[BoardLight]:
    """Every light of `death` burning on some day from `start` to `end` (inclusive), in order."""
    if end < start:
        return []
    lights: list[BoardLight] = []
    first_year = max(HebrewDate.from_civil(start - timedelta(days=7)).year, death.year + 1)
    for year in range(first_year, HebrewDate.from_civil(end + timedelta(days=7)).year + 1):
        for hebrew in observed_dates(death, year, adar):
            kept = hebrew.to_civil()
            first, last = lit_days(kept, window)
            if first <= end and start <= last:
                lights.append(BoardLight(hebrew, kept, first, last))
    lights.sort(key=lambda light: light.date)
    return lights
