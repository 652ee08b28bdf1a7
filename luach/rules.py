"""Prayer-time rules: a time relative to a zman, offset and rounded, and the kinds of day a rule may
apply to besides its weekdays. Hand-written glue over ``luach.zmanim`` / ``luach.candles`` /
``luach.holidays``; the rounding itself is ``luach.rounding``.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta

from luach.candles import HavdalahOpinion, candle_lighting
from luach.holidays import is_fast_day, is_rosh_chodesh, is_shabbat, is_yom_tov
from luach.location import Location
from luach.rounding import RoundDirection, round_time
from luach.zmanim import CANDLE_LIGHTING_KEY, ZMAN_KEYS, compute_zmanim

__all__ = ["DayKind", "RoundDirection", "day_kinds", "resolve_relative", "round_time"]


class DayKind(enum.Enum):
    SHABBAT = "SHABBAT"
    ROSH_CHODESH = "ROSH_CHODESH"
    FAST_DAY = "FAST_DAY"
    YOM_TOV = "YOM_TOV"


def day_kinds(day: date, in_israel: bool) -> set[DayKind]:
    """The special kinds ``day`` belongs to (empty on an ordinary weekday)."""
    kinds: set[DayKind] = set()
    if is_shabbat(day):
        kinds.add(DayKind.SHABBAT)
    if is_rosh_chodesh(day):
        kinds.add(DayKind.ROSH_CHODESH)
    if is_fast_day(day, in_israel):
        kinds.add(DayKind.FAST_DAY)
    if is_yom_tov(day, in_israel):
        kinds.add(DayKind.YOM_TOV)
    return kinds


def resolve_relative(
    day: date,
    location: Location,
    zman_key: str,
    offset_minutes: int,
    round_to: int,
    direction: RoundDirection,
    *,
    candle_lighting_minutes: int = 18,
    in_israel: bool = False,
    havdalah_opinion: HavdalahOpinion = HavdalahOpinion.DEGREES_8_5,
) -> datetime | None:
    """``zman_key`` (a ``ZMAN_KEYS`` entry or ``"candleLighting"``) on ``day`` plus ``offset_minutes``,
    rounded to ``round_to`` minutes in ``direction``; None when that zman does not occur that day
    (for ``"candleLighting"``: also on a day without candle lighting). ``havdalah_opinion`` is the
    nightfall used for candles lit after a Shabbat/yom tov (second-day yom tov).

    Raises ``ValueError`` for an unknown key or a bad rounding step.
    """
    if zman_key == CANDLE_LIGHTING_KEY:
        base = candle_lighting(day, location, candle_lighting_minutes, in_israel, havdalah_opinion=havdalah_opinion)
    elif zman_key in ZMAN_KEYS:
        base = compute_zmanim(day, location)[zman_key]
    else:
        raise ValueError(f"unknown zman key: {zman_key!r}")
    if base is None:
        return None
    return round_time(base + timedelta(minutes=offset_minutes), round_to, direction)
