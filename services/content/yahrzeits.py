"""The yahrzeits of a synagogue's memorials: a memorial's Hebrew date of death, the civil date of its yahrzeit
in given Hebrew years, and the board of yahrzeits observed in a range of civil dates. The rules are
`luach.yahrzeit`'s (hebcal's Ashkenazic rules); nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from luach import HebrewDate, HebrewMonth, observed_hebrew_date, yahrzeit, yahrzeits_between
from luach.hebrew_date import MAX_YEAR, MIN_YEAR
from models.content import Memorial
from services.content.ranges import check_range
from services.infra.errors import ServiceError

MAX_YAHRZEIT_YEARS = 100
"""How many Hebrew years one `Memorial.yahrzeits` request may ask for."""


def death_date_of(row: Memorial) -> HebrewDate:
    return HebrewDate(row.hebrew_year, HebrewMonth(row.hebrew_month), row.hebrew_day)


def yahrzeit_dates(row: Memorial, hebrew_years: list[int]) -> list[tuple[int, date | None]]:
    """(Hebrew year, civil date of the yahrzeit that year) for each year asked, in the order asked; the date is
    None for a year the calendar cannot hold or not after the year of death. More than `MAX_YAHRZEIT_YEARS`
    years is refused (BAD_USER_INPUT on `hebrewYears`)."""
    if len(hebrew_years) > MAX_YAHRZEIT_YEARS:
        raise ServiceError(f"at most {MAX_YAHRZEIT_YEARS} years", argument="hebrewYears")
    death = death_date_of(row)
    found: list[tuple[int, date | None]] = []
    for year in hebrew_years:
        valid = MIN_YEAR <= year <= MAX_YEAR - 1
        found.append((year, yahrzeit(death, year) if valid else None))
    return found


@dataclass(frozen=True)
class BoardEntry:
    """A yahrzeit observed on `date`: the Hebrew date it is observed on, and whose it is."""

    date: date
    hebrew_date: HebrewDate
    memorial: Memorial


@lru_cache(maxsize=65_536)
def observances(death: HebrewDate, start: date, end: date) -> tuple[tuple[date, HebrewDate], ...]:
    """(civil date, Hebrew date observed) of each yahrzeit of `death` from `start` to `end`: pure, so kept per
    process (a screen asks the same week for every memorial on every request of the day)."""
    found: list[tuple[date, HebrewDate]] = []
    for hebrew_year, observed in yahrzeits_between(death, start, end):
        hebrew_day = observed_hebrew_date(death, hebrew_year)
        if hebrew_day is not None:
            found.append((observed, hebrew_day))
    return tuple(found)


async def yahrzeit_board(start: date, end: date) -> list[BoardEntry]:
    """Every yahrzeit of the tenant's memorials from `start` to `end` inclusive, by date then name (one query).
    The range is checked first (`services.content.ranges`)."""
    check_range(start, end)
    entries: list[BoardEntry] = []
    for memorial in await Memorial.all():
        for observed, hebrew_day in observances(death_date_of(memorial), start, end):
            entries.append(BoardEntry(observed, hebrew_day, memorial))
    entries.sort(key=lambda e: (e.date, e.memorial.name, e.memorial.id))
    return entries
