"""The calendar of a civil day in one import: parasha, holidays, candle lighting, havdalah, Omer, Daf Yomi.

Re-exports from ``luach.parasha``, ``luach.holidays``, ``luach.candles`` and ``luach.learning``, where
each module's docstring says which library does the work and which rules are hand-written.
"""

from __future__ import annotations

import datetime as dt

from luach.candles import HavdalahOpinion, candle_lighting, havdalah
from luach.holidays import holidays, is_fast_day, is_rosh_chodesh, is_shabbat, is_yom_tov, omer_day
from luach.learning import daf_yomi
from luach.parasha import parasha

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "HavdalahOpinion",
    "candle_lighting",
    "daf_yomi",
    "havdalah",
    "holidays",
    "is_fast_day",
    "is_rosh_chodesh",
    "is_shabbat",
    "is_yom_tov",
    "omer_day",
    "parasha",
]

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2200, 12, 31)
"""The civil days the calendar answers for: the span its rules are checked over (hebcal's reference data lies
well inside it), wide enough for any yahrzeit a synagogue keeps and far from the edges where time arithmetic
overflows (year 1 near the date line, year 9999)."""
