"""Yearly seasons on the Hebrew calendar: from a month and day to a month and day, every year.

Written by hand (no library has it): the year is ordered from Tishrei; Adar of a common year and
Adar II of a leap year hold the same place (Purim's), Adar I comes before them, so a season from
1 Adar I begins on 1 Adar in a common year. A season whose end comes before its start wraps the
year end (Elul into Tishrei). A day 30 of a month that has 29 days that year is simply never
reached: a season ending on 30 Cheshvan ends on 29 Cheshvan in a short year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from luach.hebrew_date import HebrewDate, HebrewMonth

_PLACE: Final[dict[HebrewMonth, int]] = {
    HebrewMonth.TISHREI: 1,
    HebrewMonth.CHESHVAN: 2,
    HebrewMonth.KISLEV: 3,
    HebrewMonth.TEVET: 4,
    HebrewMonth.SHVAT: 5,
    HebrewMonth.ADAR_I: 6,
    HebrewMonth.ADAR: 7,
    HebrewMonth.ADAR_II: 7,
    HebrewMonth.NISAN: 8,
    HebrewMonth.IYYAR: 9,
    HebrewMonth.SIVAN: 10,
    HebrewMonth.TAMUZ: 11,
    HebrewMonth.AV: 12,
    HebrewMonth.ELUL: 13,
}
ALWAYS_29: Final = frozenset(
    {HebrewMonth.TEVET, HebrewMonth.ADAR, HebrewMonth.ADAR_II, HebrewMonth.IYYAR, HebrewMonth.TAMUZ, HebrewMonth.ELUL}
)
"""Months that never have a 30th day."""


@dataclass(frozen=True)
class HebrewDay:
    """A day of the Hebrew year without the year (e.g. 15 Nisan)."""

    month: HebrewMonth
    day: int

    def exists(self) -> bool:
        """Whether the day occurs in some year (no 30 Tevet, no 31st)."""
        return 1 <= self.day <= (29 if self.month in ALWAYS_29 else 30)

    @property
    def place(self) -> tuple[int, int]:
        return _PLACE[self.month], self.day


def in_hebrew_season(on: HebrewDate, start: HebrewDay, end: HebrewDay) -> bool:
    """Whether the Hebrew date falls from `start` to `end` inclusive, in any year."""
    at = (_PLACE[on.month], on.day)
    first, last = start.place, end.place
    return first <= at <= last if first <= last else at >= first or at <= last
