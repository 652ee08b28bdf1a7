"""Yahrzeits: the civil date on which the anniversary of a death is observed in a given Hebrew year.

Hand-written (no Python library has it): hebcal's ``getYahrzeit`` (Reingold & Dershowitz,
"Calendrical Calculations", Ashkenazic rules), transcribed rule for rule from @hebcal/core's
``anniversary`` module:

- 30 Cheshvan: if the first anniversary year had no 30 Cheshvan, the yahrzeit is the day before
  1 Kislev every year; otherwise 30 Cheshvan, moved to 1 Kislev in years where Cheshvan has 29 days.
- 30 Kislev: the same with 1 Tevet.
- Adar II (death in a leap year): the last month of the year (Adar in a common year, Adar II in a leap year).
- 30 Adar I: 30 Shevat in a common year.
- Adar of a common year: same day of month 12, i.e. Adar I in a leap year (hebcal's numbering).
Calendar arithmetic is pyluach's (through ``luach.hebrew_date``).
"""

from __future__ import annotations

from datetime import date, timedelta

from luach.hebrew_date import HebrewDate, HebrewMonth, days_in_month, is_leap_year

__all__ = [
    "hebrew_date_of_death",
    "next_yahrzeit",
    "observed_hebrew_date",
    "yahrzeit",
    "yahrzeits_between",
]

_SHVAT, _ADAR_OR_ADAR_I, _ADAR_II = 11, 12, 13


def _long_cheshvan(year: int) -> bool:
    return days_in_month(year, HebrewMonth.CHESHVAN) == 30


def _short_kislev(year: int) -> bool:
    return days_in_month(year, HebrewMonth.KISLEV) == 29


def _day_before(first_of_month: HebrewDate) -> HebrewDate:
    return HebrewDate.from_civil(first_of_month.to_civil() - timedelta(days=1))


def hebrew_date_of_death(civil: date, after_sunset: bool) -> HebrewDate:
    """The Hebrew date of a death on civil date ``civil``; after sunset it is already the next Hebrew day."""
    return HebrewDate.from_civil(civil + timedelta(days=1) if after_sunset else civil)


def observed_hebrew_date(death: HebrewDate, hebrew_year: int) -> HebrewDate | None:
    """The Hebrew date on which the yahrzeit of ``death`` is observed in ``hebrew_year``.

    None for years up to and including the year of death (before the first anniversary).
    """
    if hebrew_year <= death.year:
        return None
    month, day = death.month_number, death.day
    if death.month is HebrewMonth.CHESHVAN and day == 30 and not _long_cheshvan(death.year + 1):
        return _day_before(HebrewDate(hebrew_year, HebrewMonth.KISLEV, 1))
    if death.month is HebrewMonth.KISLEV and day == 30 and _short_kislev(death.year + 1):
        return _day_before(HebrewDate(hebrew_year, HebrewMonth.TEVET, 1))
    if month == _ADAR_II:
        month = _ADAR_II if is_leap_year(hebrew_year) else _ADAR_OR_ADAR_I
    elif month == _ADAR_OR_ADAR_I and day == 30 and not is_leap_year(hebrew_year):
        month = _SHVAT
    # advance to Rosh Chodesh when the 30th does not exist this year
    if death.month is HebrewMonth.CHESHVAN and day == 30 and not _long_cheshvan(hebrew_year):
        return HebrewDate(hebrew_year, HebrewMonth.KISLEV, 1)
    if death.month is HebrewMonth.KISLEV and day == 30 and _short_kislev(hebrew_year):
        return HebrewDate(hebrew_year, HebrewMonth.TEVET, 1)
    return HebrewDate.from_numbers(hebrew_year, month, day)


def yahrzeit(death: HebrewDate, hebrew_year: int) -> date | None:
    """Civil date of the yahrzeit in ``hebrew_year``; None for years <= the year of death."""
    observed = observed_hebrew_date(death, hebrew_year)
    return None if observed is None else observed.to_civil()


def next_yahrzeit(death: HebrewDate, today: date) -> date:
    """The first observance on or after ``today``."""
    year = max(HebrewDate.from_civil(today).year, death.year + 1)
    while True:
        observed = yahrzeit(death, year)
        if observed is not None and observed >= today:
            return observed
        year += 1


def yahrzeits_between(death: HebrewDate, start: date, end: date) -> list[tuple[int, date]]:
    """``(hebrew_year, civil_date)`` of every observance from ``start`` to ``end`` inclusive, in order."""
    if end < start:
        return []
    result: list[tuple[int, date]] = []
    first = max(HebrewDate.from_civil(start).year, death.year + 1)
    for year in range(first, HebrewDate.from_civil(end).year + 1):
        observed = yahrzeit(death, year)
        if observed is not None and start <= observed <= end:
            result.append((year, observed))
    return result
