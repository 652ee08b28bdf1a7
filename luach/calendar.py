"""The calendar of a civil day in one import: parasha, holidays, candle lighting, havdalah, Omer, Daf Yomi.

Re-exports from ``luach.parasha``, ``luach.holidays``, ``luach.candles`` and ``luach.learning``, where
each module's docstring says which library does the work and which rules are hand-written.
"""

from __future__ import annotations

from luach.candles import HavdalahOpinion, candle_lighting, havdalah
from luach.holidays import holidays, is_fast_day, is_rosh_chodesh, is_shabbat, is_yom_tov, omer_day
from luach.learning import daf_yomi
from luach.parasha import parasha

__all__ = [
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
