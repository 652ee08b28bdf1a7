"""The yahrzeits of a synagogue's memorials: a memorial's Hebrew date of death, the civil date of its yahrzeit
in given Hebrew years, and the board of yahrzeits lit in a range of civil dates under the synagogue's policy (how
long a light burns, where a common year's Adar is kept in a leap year). The rules are `luach.yahrzeit`'s (hebcal's
Ashkenazic rules) and `luach.board`'s; nothing here writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from tortoise.queryset import QuerySet

from luach import AdarRule, HebrewDate, HebrewMonth, YahrzeitWindow, lights_between, yahrzeit
from luach.board import BoardLight
from luach.hebrew_date import MAX_YEAR, MIN_YEAR
from models.base import current_tenant_id
from models.content import Memorial
from models.synagogue import Synagogue
from services.content.holds import as_shown
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
def lights(
    death: HebrewDate, start: date, end: date, window: YahrzeitWindow, adar: AdarRule
) -> tuple[BoardLight, ...]:
    """The lights of `death` burning from `start` to `end`: pure, so kept per process (a screen asks the same week
    for every memorial on every request of the day)."""
    return tuple(lights_between(death, start, end, window, adar))


def policy_of(synagogue: Synagogue) -> tuple[YahrzeitWindow, AdarRule]:
    return YahrzeitWindow(synagogue.yahrzeit_window), AdarRule(synagogue.adar_rule)


_DEATH = ("hebrew_year", "hebrew_month", "hebrew_day")
DEATH_COLUMNS = ("id", *_DEATH, "held_until", "shown")
"""What `may_burn` reads of a memorial (its dates of death, as stored and as the screens show it)."""


def may_burn(
    row: tuple[Any, ...], start: date, end: date, window: YahrzeitWindow, adar: AdarRule, shown_at: datetime | None
) -> bool:
    """Whether a memorial (its `DEATH_COLUMNS`, as plain values) may have a light burning from `start` to `end`:
    under its date of death, or under the one the screens show until a held edit (`services.content.holds`)."""
    _, year, month, day, held_until, shown = row
    if _burns(year, month, day, start, end, window.value, adar.value):
        return True
    if shown_at is None or held_until is None or not isinstance(shown, dict):
        return False
    year, month, day = (shown.get(name, value) for name, value in zip(_DEATH, (year, month, day), strict=True))
    return _burns(year, month, day, start, end, window.value, adar.value)


@lru_cache(maxsize=65_536)
def _burns(year: int, month: str, day: int, start: date, end: date, window: str, adar: str) -> bool:
    """`lights` of a date of death given as plain values (cheap to hash: the board asks for every memorial)."""
    return bool(lights(death_date(year, month, day), start, end, YahrzeitWindow(window), AdarRule(adar)))


async def yahrzeit_board(
    start: date, end: date, shown_at: datetime | None = None, synagogue: Synagogue | None = None
) -> list[BoardEntry]:
    """Every yahrzeit of the tenant's memorials whose light burns on a day from `start` to `end` inclusive, under
    the synagogue's policy (its window and Adar rule; `synagogue`: the tenant's row when the caller has it), by
    date then name. With `shown_at`, the memorials as the screens show them then (`services.content.holds`). The
    range is checked first (`services.content.ranges`).

    Two statements at most: the dates of death of every memorial (plain values, no models), then the whole rows of
    those whose light may burn in the range (a handful for a screen's two days), as models."""
    check_range(start, end)
    window, adar = policy_of(synagogue or await Synagogue.get(id=current_tenant_id()))
    candidates = board_candidates(await deaths().values_list(*DEATH_COLUMNS), start, end, window, adar, shown_at)
    rows = await Memorial.filter(id__in=candidates) if candidates else []
    return board_entries(rows, start, end, window, adar, shown_at)


def deaths() -> QuerySet[Memorial]:
    """The tenant's memorials, unordered (for their `DEATH_COLUMNS`)."""
    return Memorial.all().order_by()


def board_candidates(
    rows: list[tuple[Any, ...]],
    start: date,
    end: date,
    window: YahrzeitWindow,
    adar: AdarRule,
    shown_at: datetime | None,
) -> list[int]:
    """The ids of the memorials (their `DEATH_COLUMNS`) whose light may burn from `start` to `end` (`may_burn`, with
    the common case, no held edit, inline: a screen asks it of every memorial on every request)."""
    window_name, adar_name, found = window.value, adar.value, []
    for row in rows:
        if row[4] is None:
            if _burns(row[1], row[2], row[3], start, end, window_name, adar_name):
                found.append(row[0])
        elif may_burn(row, start, end, window, adar, shown_at):
            found.append(row[0])
    return found


def board_entries(
    rows: list[Memorial], start: date, end: date, window: YahrzeitWindow, adar: AdarRule, shown_at: datetime | None
) -> list[BoardEntry]:
    """The board of `rows` from `start` to `end` (pure): each light of each memorial (as shown at `shown_at`,
    when given), by date then name."""
    entries: list[BoardEntry] = []
    for row in rows:
        memorial = row if shown_at is None else as_shown(row, shown_at)
        if memorial is None:
            continue
        death = death_date_of(memorial)
        for light in lights(death, start, end, window, adar):
            entries.append(BoardEntry(light.date, light.hebrew_date, memorial, light.first_day, light.last_day))
    entries.sort(key=lambda e: (e.date, e.memorial.name, e.memorial.id))
    return entries
