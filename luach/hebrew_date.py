"""Hebrew dates: conversion from and to civil dates, month lengths, validation, display.

Library: ``pyluach`` does the calendar arithmetic (conversion, leap years, month lengths, Hebrew numerals).
Hand-written: the month enum and its mapping to pyluach's numbering (Nisan = 1 ... Adar / Adar I = 12,
Adar II = 13, the same numbering as hebcal), the validation reason codes, and the English display
(hebcal's month spellings). ``ADAR`` in a leap year means Adar II (hebcal's month-name parser assumes
"Adar" is Adar Sheini); ``ADAR_I`` / ``ADAR_II`` in a common year are invalid.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Final

from pyluach import dates as pyluach_dates
from pyluach import hebrewcal

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "HebrewDate",
    "HebrewMonth",
    "days_in_month",
    "is_leap_year",
    "months_in_year",
    "validate_hebrew_date",
]

# Hebrew years whose every day maps to a Python ``date`` (years 1..9999).
MIN_YEAR: Final = 3762
MAX_YEAR: Final = 13759

INVALID_YEAR: Final = "INVALID_YEAR"
INVALID_MONTH: Final = "INVALID_MONTH"
INVALID_DAY: Final = "INVALID_DAY"


class HebrewMonth(enum.Enum):
    NISAN = "NISAN"
    IYYAR = "IYYAR"
    SIVAN = "SIVAN"
    TAMUZ = "TAMUZ"
    AV = "AV"
    ELUL = "ELUL"
    TISHREI = "TISHREI"
    CHESHVAN = "CHESHVAN"
    KISLEV = "KISLEV"
    TEVET = "TEVET"
    SHVAT = "SHVAT"
    ADAR = "ADAR"
    ADAR_I = "ADAR_I"
    ADAR_II = "ADAR_II"

    @property
    def display(self) -> str:
        """English name as hebcal spells it."""
        return _DISPLAY[self]


_DISPLAY: Final[dict[HebrewMonth, str]] = {
    HebrewMonth.NISAN: "Nisan",
    HebrewMonth.IYYAR: "Iyyar",
    HebrewMonth.SIVAN: "Sivan",
    HebrewMonth.TAMUZ: "Tamuz",
    HebrewMonth.AV: "Av",
    HebrewMonth.ELUL: "Elul",
    HebrewMonth.TISHREI: "Tishrei",
    HebrewMonth.CHESHVAN: "Cheshvan",
    HebrewMonth.KISLEV: "Kislev",
    HebrewMonth.TEVET: "Tevet",
    HebrewMonth.SHVAT: "Sh'vat",
    HebrewMonth.ADAR: "Adar",
    HebrewMonth.ADAR_I: "Adar I",
    HebrewMonth.ADAR_II: "Adar II",
}

# pyluach / hebcal month numbers
_NUMBER: Final[dict[HebrewMonth, int]] = {
    HebrewMonth.NISAN: 1,
    HebrewMonth.IYYAR: 2,
    HebrewMonth.SIVAN: 3,
    HebrewMonth.TAMUZ: 4,
    HebrewMonth.AV: 5,
    HebrewMonth.ELUL: 6,
    HebrewMonth.TISHREI: 7,
    HebrewMonth.CHESHVAN: 8,
    HebrewMonth.KISLEV: 9,
    HebrewMonth.TEVET: 10,
    HebrewMonth.SHVAT: 11,
    HebrewMonth.ADAR: 12,
    HebrewMonth.ADAR_I: 12,
    HebrewMonth.ADAR_II: 13,
}
_CIVIL_ORDER: Final = (7, 8, 9, 10, 11, 12, 13, 1, 2, 3, 4, 5, 6)  # Tishrei first


def is_leap_year(year: int) -> bool:
    """True when the Hebrew year has 13 months (Adar I and Adar II)."""
    return bool(hebrewcal.Year(year).leap)


def month_from_number(year: int, number: int) -> HebrewMonth:
    """The month with pyluach/hebcal number ``number`` (1 = Nisan) in ``year``."""
    if number == 12:
        return HebrewMonth.ADAR_I if is_leap_year(year) else HebrewMonth.ADAR
    if number == 13:
        return HebrewMonth.ADAR_II
    return next(m for m, n in _NUMBER.items() if n == number)


def months_in_year(year: int) -> list[HebrewMonth]:
    """The months of ``year`` in order, Tishrei first."""
    leap = is_leap_year(year)
    return [month_from_number(year, n) for n in _CIVIL_ORDER if n != 13 or leap]


@lru_cache(maxsize=4096)
def days_in_month(year: int, month: HebrewMonth) -> int:
    """29 or 30 (the month must exist in that year)."""
    return len(hebrewcal.Month(year, _NUMBER[month]))


def validate_hebrew_date(year: int, month: HebrewMonth, day: int) -> str | None:
    """None when valid, else ``"INVALID_YEAR"``, ``"INVALID_MONTH"`` or ``"INVALID_DAY"``.

    ``ADAR`` in a leap year is valid (read as Adar II); ``ADAR_I``/``ADAR_II`` in a common year are not.
    """
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        return INVALID_YEAR
    if not isinstance(month, HebrewMonth):
        return INVALID_MONTH
    leap = is_leap_year(year)
    if not leap and month in (HebrewMonth.ADAR_I, HebrewMonth.ADAR_II):
        return INVALID_MONTH
    if leap and month is HebrewMonth.ADAR:
        month = HebrewMonth.ADAR_II
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= days_in_month(year, month):
        return INVALID_DAY
    return None


@dataclass(frozen=True)
class HebrewDate:
    """A valid Hebrew date. Construction validates (``ValueError`` carrying the reason code) and reads
    ``ADAR`` in a leap year as ``ADAR_II``."""

    year: int
    month: HebrewMonth
    day: int

    def __post_init__(self) -> None:
        reason = validate_hebrew_date(self.year, self.month, self.day)
        if reason is not None:
            raise ValueError(f"{reason}: {self.day} {self.month} {self.year}")
        if self.month is HebrewMonth.ADAR and is_leap_year(self.year):
            object.__setattr__(self, "month", HebrewMonth.ADAR_II)

    @classmethod
    def from_numbers(cls, year: int, month_number: int, day: int) -> HebrewDate:
        """From pyluach/hebcal numbering (1 = Nisan, 12 = Adar or Adar I, 13 = Adar II)."""
        return cls(year, month_from_number(year, month_number), day)

    @classmethod
    def from_civil(cls, d: date) -> HebrewDate:
        """The Hebrew date whose daytime is the civil date ``d``."""
        return _from_civil(d)

    def to_civil(self) -> date:
        """The civil date of this Hebrew date's daytime."""
        return _to_civil(self.year, self.month_number, self.day)

    @property
    def month_number(self) -> int:
        return _NUMBER[self.month]

    @property
    def is_leap_year(self) -> bool:
        return is_leap_year(self.year)

    @property
    def display(self) -> str:
        """E.g. ``"5 Kislev 5787"``, ``"14 Adar II 5784"``."""
        return f"{self.day} {self.month.display} {self.year}"

    @property
    def hebrew_display(self) -> str:
        """E.g. ``"ה׳ כסלו תשפ״ז"`` (Hebrew numerals, no thousands)."""
        return str(self._pyluach().hebrew_date_string())

    def _pyluach(self) -> Any:
        return pyluach_dates.HebrewDate(self.year, self.month_number, self.day)

    def __str__(self) -> str:
        return self.display


@lru_cache(maxsize=8192)
def _from_civil(d: date) -> HebrewDate:
    h = pyluach_dates.HebrewDate.from_pydate(d)
    return HebrewDate.from_numbers(int(h.year), int(h.month), int(h.day))


@lru_cache(maxsize=8192)
def _to_civil(year: int, month_number: int, day: int) -> date:
    result: date = pyluach_dates.HebrewDate(year, month_number, day).to_pydate()
    return result
