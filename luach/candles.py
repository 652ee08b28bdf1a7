"""Candle lighting and havdalah times for Shabbat and yom tov.

Hand-written, following @hebcal/core's ``makeCandleEvent`` (no Python library has it):
- Candles are lit on the eve of a Shabbat or yom tov at sunset minus N minutes, with sunset first
  floored to the minute (hebcal's ``sunsetOffset(-N, true)``).
- On a Shabbat or yom tov that is followed by another yom tov (or Shabbat), candles are lit only after
  nightfall: the havdalah time of the chosen opinion. A Friday is always "sunset minus N", even when
  it is yom tov, since Shabbat follows.
- Havdalah is on a Shabbat or yom tov not followed by another: the sun 8.5 degrees below the horizon
  rounded to the nearest minute, or sunset rounded to the nearest minute plus 42/50/72 minutes.
Sunset and tzeit come from ``luach.zmanim`` (elevation per the location's ``use_elevation``); a day
without a sunset (polar day or night) gives None.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from typing import Final

from luach.holidays import is_shabbat, is_yom_tov
from luach.location import Location
from luach.rounding import RoundDirection, round_time
from luach.zmanim import compute_zmanim

__all__ = ["HavdalahOpinion", "candle_lighting", "havdalah"]

_FRIDAY: Final = 4


class HavdalahOpinion(enum.Enum):
    DEGREES_8_5 = "DEGREES_8_5"
    MINUTES_42 = "MINUTES_42"
    MINUTES_50 = "MINUTES_50"
    MINUTES_72 = "MINUTES_72"

    @property
    def minutes(self) -> int | None:
        """Minutes after sunset, or None for the degree-based opinion."""
        return None if self is HavdalahOpinion.DEGREES_8_5 else int(self.value.removeprefix("MINUTES_"))


def _holy(day: date, in_israel: bool) -> bool:
    return is_shabbat(day) or is_yom_tov(day, in_israel)


def _nightfall(day: date, location: Location, opinion: HavdalahOpinion) -> datetime | None:
    zmanim = compute_zmanim(day, location)
    minutes = opinion.minutes
    if minutes is None:
        tzeit = zmanim["tzeit"]
        return None if tzeit is None else round_time(tzeit, 1, RoundDirection.NEAREST)
    sunset = zmanim["sunset"]
    if sunset is None:
        return None
    return round_time(sunset, 1, RoundDirection.NEAREST) + timedelta(minutes=minutes)


def candle_lighting(
    day: date,
    location: Location,
    minutes_before_sunset: int,
    in_israel: bool,
    *,
    havdalah_opinion: HavdalahOpinion = HavdalahOpinion.DEGREES_8_5,
) -> datetime | None:
    """Candle-lighting time on ``day`` for the Shabbat or yom tov that begins that evening, else None.

    On a Shabbat/yom tov followed by yom tov the time is nightfall per ``havdalah_opinion``.
    """
    if isinstance(minutes_before_sunset, bool) or not isinstance(minutes_before_sunset, int):
        raise ValueError("minutes_before_sunset must be an integer")
    if not 0 <= minutes_before_sunset <= 120:
        raise ValueError("minutes_before_sunset must be from 0 to 120")
    if not _holy(day + timedelta(days=1), in_israel):
        return None
    if day.weekday() != _FRIDAY and _holy(day, in_israel):
        return _nightfall(day, location, havdalah_opinion)
    sunset = compute_zmanim(day, location)["sunset"]
    if sunset is None:
        return None
    return round_time(sunset, 0, RoundDirection.DOWN) - timedelta(minutes=minutes_before_sunset)


def havdalah(day: date, location: Location, opinion: HavdalahOpinion, in_israel: bool) -> datetime | None:
    """End of Shabbat / yom tov on ``day`` when the next day is neither; else None."""
    if not _holy(day, in_israel) or _holy(day + timedelta(days=1), in_israel):
        return None
    return _nightfall(day, location, opinion)
