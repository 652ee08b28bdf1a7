"""The yahrzeits of a synagogue's memorials: a memorial's Hebrew date of death, the civil date of its yahrzeit
in given Hebrew years, and the board of yahrzeits lit in a range of civil dates under the synagogue's policy (how
long a light burns, where a common year's Adar is kept in a leap year). The rules are `luach.yahrzeit`'s (hebcal's
Ashkenazic rules) and `luach.board`'s; nothing here writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from tortoise.queryset import QuerySet

from luach import AdarRule, HebrewDate, HebrewMonth, YahrzeitWindow, lights_between, yahrzeit
from luach.board import BoardLight
from luach.hebrew_date import MAX_YEAR, MIN_YEAR
from models.base import current_tenant_id
from models.content import Memorial
from models.synagogue import Synagogue
from services.content.holds import Holds
from services.content.ranges import check_range
from services.infra.errors import ServiceError

MAX_YAHRZEIT_YEARS = 100
"""How many Hebrew years one `Memorial.yahrzeits` request may ask for."""


def death_date_of(row: Memorial) -> HebrewDate:
    return death_date(row.hebrew_year, row.hebrew_month, row.hebrew_day)


@lru_cache(maxsize=65_536)
def death_date(year: int, month: str, day: int) -> HebrewDate:
    """A Hebrew date of death from a memorial's columns: pure (and checked), so kept per process."""
    return HebrewDate(year, HebrewMonth(month), day)


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
    """A yahrzeit on the board: the date it is kept (and its Hebrew date), whose it is, and the civil days its
    light burns under the synagogue's policy (`first_day`..`last_day`, from sunset the evening before)."""

    date: date
    hebrew_date: HebrewDate
    memorial: Memorial
    first_day: dt.date
    last_day: dt.date


@lru_cache(maxsize=65_536)
def lights(death: HebrewDate, start: date, end: date, window: YahrzeitWindow, adar: AdarRule) -> tuple[BoardLight, ...]:
    """The lights of `death` burning from `start` to `end`: pure, so kept per process (a screen asks the same week
    for every memorial on every request of the day)."""
    return tuple(lights_between(death, start, end, window, adar))


def policy_of(synagogue: Synagogue) -> tuple[YahrzeitWindow, AdarRule]:
    return YahrzeitWindow(synagogue.yahrzeit_window), AdarRule(synagogue.adar_rule)


DEATH_COLUMNS = ("id", "hebrew_year", "hebrew_month", "hebrew_day")
"""What `board_candidates` reads of each memorial: its id and its Hebrew date of death."""


async def yahrzeit_board(
    start: date, end: date, shown: Holds | None = None, synagogue: Synagogue | None = None
) -> list[BoardEntry]:
    """Every yahrzeit of the tenant's memorials whose light burns on a day from `start` to `end` inclusive, under
    the synagogue's policy (its window and Adar rule; `synagogue`: the tenant's row when the caller has it), by
    date then name. With `shown`, the memorials as the screens show them (Shabbat mode: `services.content.holds`).
    The range is checked first (`services.content.ranges`).

    Two statements: the dates of death of every memorial (plain values, no models), then the whole rows of those
    whose light may burn in the range (a handful for a screen's two days), as models."""
    check_range(start, end)
    window, adar = policy_of(synagogue or await Synagogue.get(id=current_tenant_id()))
    candidates = board_candidates(await deaths().values_list(*DEATH_COLUMNS), start, end, window, adar)
    rows = await Memorial.filter(id__in=candidates) if candidates else []
    return board_entries(rows if shown is None else shown.shown(Memorial, rows), start, end, window, adar)


def deaths() -> QuerySet[Memorial]:
    """The tenant's memorials, unordered (for their `DEATH_COLUMNS`)."""
    return Memorial.all().order_by()


def board_candidates(
    rows: list[tuple[Any, ...]], start: date, end: date, window: YahrzeitWindow, adar: AdarRule
) -> list[int]:
    """The ids of the memorials (their `DEATH_COLUMNS`) whose light burns on a day from `start` to `end`: a screen
    asks it of every memorial on every request, so each answer is kept per date of death, range and policy."""
    window_name, adar_name = window.value, adar.value
    return [row[0] for row in rows if _burns(row[1], row[2], row[3], start, end, window_name, adar_name)]


@lru_cache(maxsize=65_536)
def _burns(year: int, month: str, day: int, start: date, end: date, window: str, adar: str) -> bool:
    """`lights` of a date of death given as plain values (cheap to hash: the board asks for every memorial)."""
    return bool(lights(death_date(year, month, day), start, end, YahrzeitWindow(window), AdarRule(adar)))


def board_entries(
    rows: list[Memorial], start: date, end: date, window: YahrzeitWindow, adar: AdarRule
) -> list[BoardEntry]:
    """The board of `rows` (as the screens show them, when they are) from `start` to `end` (pure): each light of
    each memorial, by date then name."""
    entries: list[BoardEntry] = []
    for memorial in rows:
        death = death_date_of(memorial)
        for light in lights(death, start, end, window, adar):
            entries.append(BoardEntry(light.date, light.hebrew_date, memorial, light.first_day, light.last_day))
    entries.sort(key=lambda e: (e.date, e.memorial.name, e.memorial.id))
    return entries
