"""Zmanim (halachic times) for a day and place, keyed by @hebcal/core ``Zmanim`` method names.

Library: the NOAA solar calculator of the ``zmanim`` package (KosherJava port), see ``luach.sun``.
Hand-written: the definition of each zman on top of the solar events, transcribed from hebcal's
``zmanim.ts`` so that values match ../shared/reference/zmanim-hebcal.json (degree-based zmanim never
use elevation; sunrise/sunset and the GRA proportional hours use it when ``use_elevation`` is set; the
72-minute MGA Shema/Tefilla day is always sea level; chatzot is the middle of the sea-level day).
Times are whole seconds (hebcal drops milliseconds), tz-aware in the location's time zone; a zman that
does not occur (polar day or night) is ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

from luach.location import Location
from luach.sun import GEOMETRIC_ZENITH, sun_event

__all__ = [
    "CANDLE_LIGHTING_KEY",
    "RELATIVE_KEYS",
    "ZMAN_ENUM_NAMES",
    "ZMAN_KEYS",
    "ZMAN_LABELS",
    "compute_zmanim",
    "zman_key_for_enum_name",
]

ZMAN_LABELS: Final[dict[str, str]] = {
    "chatzotNight": "Midnight (Chatzot HaLailah)",
    "alotHaShachar": "Dawn (Alot HaShachar, 16.1°)",
    "alotHaShachar72": "Dawn (Alot HaShachar, 72 minutes)",
    "misheyakir": "Earliest Tallit & Tefillin (11.5°)",
    "misheyakirMachmir": "Earliest Tallit & Tefillin (10.2°)",
    "dawn": "Civil dawn",
    "sunrise": "Sunrise",
    "neitzHaChama": "Sunrise (Netz HaChama)",
    "seaLevelSunrise": "Sea-level sunrise",
    "sofZmanShmaMGA19Point8": "Latest Shema (MGA, 19.8°)",
    "sofZmanShmaMGA16Point1": "Latest Shema (MGA, 16.1°)",
    "sofZmanShmaMGA": "Latest Shema (MGA)",
    "sofZmanShma": "Latest Shema (GRA)",
    "sofZmanTfillaMGA19Point8": "Latest Shacharit (MGA, 19.8°)",
    "sofZmanTfillaMGA16Point1": "Latest Shacharit (MGA, 16.1°)",
    "sofZmanTfillaMGA": "Latest Shacharit (MGA)",
    "sofZmanTfilla": "Latest Shacharit (GRA)",
    "chatzot": "Midday (Chatzot)",
    "minchaGedola": "Earliest Mincha (Mincha Gedola)",
    "minchaGedolaMGA": "Earliest Mincha (Mincha Gedola, MGA)",
    "minchaKetana": "Mincha Ketana",
    "minchaKetanaMGA": "Mincha Ketana (MGA)",
    "plagHaMincha": "Plag HaMincha",
    "sunset": "Sunset (Shkiah)",
    "shkiah": "Sunset (Shkiah)",
    "seaLevelSunset": "Sea-level sunset",
    "beinHaShmashos": "Bein HaShmashot (Rabbeinu Tam)",
    "dusk": "Civil dusk",
    "tzeit": "Nightfall (Tzeit HaKochavim, 8.5°)",
    "gregEve": "Previous evening's sunset",
    "alosBaalHatanya": "Dawn (Baal HaTanya)",
    "sofZmanShmaBaalHatanya": "Latest Shema (Baal HaTanya)",
    "sofZmanTfilaBaalHatanya": "Latest Shacharit (Baal HaTanya)",
    "minchaGedolaBaalHatanya": "Earliest Mincha (Baal HaTanya)",
    "minchaKetanaBaalHatanya": "Mincha Ketana (Baal HaTanya)",
    "plagHaminchaBaalHatanya": "Plag HaMincha (Baal HaTanya)",
    "tzaisBaalHatanya": "Nightfall (Baal HaTanya, 6°)",
}

ZMAN_KEYS: Final[tuple[str, ...]] = tuple(ZMAN_LABELS)
CANDLE_LIGHTING_KEY: Final = "candleLighting"
RELATIVE_KEYS: Final[tuple[str, ...]] = (*ZMAN_KEYS, CANDLE_LIGHTING_KEY)
ZMAN_LABELS[CANDLE_LIGHTING_KEY] = "Candle lighting"


def _enum_name(key: str) -> str:
    """``plagHaMincha`` -> ``PLAG_HAMINCHA``: camelCase words, "Ha" glued to the next word, digits apart."""
    words = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+", key)
    out: list[str] = []
    glue = False
    for word in words:
        upper = word.upper()
        if glue:
            out[-1] += upper
        else:
            out.append(upper)
        glue = word == "Ha"
    return "_".join(out)


ZMAN_ENUM_NAMES: Final[dict[str, str]] = {key: _enum_name(key) for key in RELATIVE_KEYS}
_KEY_BY_ENUM: Final[dict[str, str]] = {name: key for key, name in ZMAN_ENUM_NAMES.items()}


def zman_key_for_enum_name(name: str) -> str:
    """The zman key for a GraphQL-style enum value name (``PLAG_HAMINCHA`` -> ``plagHaMincha``)."""
    try:
        return _KEY_BY_ENUM[name]
    except KeyError:
        raise ValueError(f"unknown zman: {name!r}") from None


def _proportional(start: datetime | None, end: datetime | None, hours: float) -> datetime | None:
    """``start`` plus ``hours`` proportional hours of the day from ``start`` to ``end`` (ms truncated)."""
    if start is None or end is None:
        return None
    temporal_hour_ms = (end - start) / timedelta(milliseconds=1) / 12.0
    return start + timedelta(milliseconds=int(temporal_hour_ms * hours))


def _plus(moment: datetime | None, minutes: float) -> datetime | None:
    return None if moment is None else moment + timedelta(minutes=minutes)


@lru_cache(maxsize=4096)
def _compute(day: date, location: Location) -> tuple[tuple[str, datetime | None], ...]:
    def angle(degrees: float, rising: bool) -> datetime | None:
        return sun_event(day, location, GEOMETRIC_ZENITH + degrees, rising, False)

    elevated = location.use_elevation
    sea_rise = sun_event(day, location, GEOMETRIC_ZENITH, True, False)
    sea_set = sun_event(day, location, GEOMETRIC_ZENITH, False, False)
    rise = sun_event(day, location, GEOMETRIC_ZENITH, True, True) if elevated else sea_rise
    set_ = sun_event(day, location, GEOMETRIC_ZENITH, False, True) if elevated else sea_set
    eve = sun_event(day - timedelta(days=1), location, GEOMETRIC_ZENITH, False, elevated)
    alot72, tzeit72 = _plus(rise, -72), _plus(set_, 72)
    sea_alot72, sea_tzeit72 = _plus(sea_rise, -72), _plus(sea_set, 72)
    alot161, tzeit161 = angle(16.1, True), angle(16.1, False)
    alot198, tzeit198 = angle(19.8, True), angle(19.8, False)
    bh_rise, bh_set = angle(1.583, True), angle(1.583, False)

    def gra(hours: float) -> datetime | None:
        return _proportional(rise, set_, hours)

    def baal_hatanya(hours: float) -> datetime | None:
        return _proportional(bh_rise, bh_set, hours)

    makers: dict[str, Callable[[], datetime | None]] = {
        "chatzotNight": lambda: None if rise is None or eve is None else rise - (rise - eve) / 2,
        "alotHaShachar": lambda: alot161,
        "alotHaShachar72": lambda: alot72,
        "misheyakir": lambda: angle(11.5, True),
        "misheyakirMachmir": lambda: angle(10.2, True),
        "dawn": lambda: angle(6.0, True),
        "sunrise": lambda: rise,
        "neitzHaChama": lambda: rise,
        "seaLevelSunrise": lambda: sea_rise,
        "sofZmanShmaMGA19Point8": lambda: _proportional(alot198, tzeit198, 3),
        "sofZmanShmaMGA16Point1": lambda: _proportional(alot161, tzeit161, 3),
        "sofZmanShmaMGA": lambda: _proportional(sea_alot72, sea_tzeit72, 3),
        "sofZmanShma": lambda: gra(3),
        "sofZmanTfillaMGA19Point8": lambda: _proportional(alot198, tzeit198, 4),
        "sofZmanTfillaMGA16Point1": lambda: _proportional(alot161, tzeit161, 4),
        "sofZmanTfillaMGA": lambda: _proportional(sea_alot72, sea_tzeit72, 4),
        "sofZmanTfilla": lambda: gra(4),
        "chatzot": lambda: _proportional(sea_rise, sea_set, 6),
        "minchaGedola": lambda: gra(6.5),
        "minchaGedolaMGA": lambda: _proportional(alot72, tzeit72, 6.5),
        "minchaKetana": lambda: gra(9.5),
        "minchaKetanaMGA": lambda: _proportional(alot72, tzeit72, 9.5),
        "plagHaMincha": lambda: gra(10.75),
        "sunset": lambda: set_,
        "shkiah": lambda: set_,
        "seaLevelSunset": lambda: sea_set,
        "beinHaShmashos": lambda: _plus(angle(7.083, False), -13.5),
        "dusk": lambda: angle(6.0, False),
        "tzeit": lambda: angle(8.5, False),
        "gregEve": lambda: eve,
        "alosBaalHatanya": lambda: angle(16.9, True),
        "sofZmanShmaBaalHatanya": lambda: baal_hatanya(3),
        "sofZmanTfilaBaalHatanya": lambda: baal_hatanya(4),
        "minchaGedolaBaalHatanya": lambda: baal_hatanya(6.5),
        "minchaKetanaBaalHatanya": lambda: baal_hatanya(9.5),
        "plagHaminchaBaalHatanya": lambda: baal_hatanya(10.75),
        "tzaisBaalHatanya": lambda: angle(6.0, False),
    }
    zone = location.zone
    result: list[tuple[str, datetime | None]] = []
    for key in ZMAN_KEYS:
        moment = makers[key]()
        result.append((key, None if moment is None else moment.astimezone(zone).replace(microsecond=0)))
    return tuple(result)


def compute_zmanim(day: date, location: Location) -> dict[str, datetime | None]:
    """Every zman of ``ZMAN_KEYS`` for ``day`` at ``location`` (a fresh dict; the computation is cached)."""
    return dict(_compute(day, location))
