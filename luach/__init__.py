"""Pure Hebrew-calendar and zmanim logic for ShulGraph (no I/O).

Libraries: ``zmanim`` (KosherJava's NOAA solar calculator), ``pyluach`` (calendar arithmetic, weekly
portions, the four parshiyot), ``hdate`` (holiday table, Omer, Daf Yomi table). Each module's docstring
names the rules written by hand.
"""

from luach.board import AdarRule, BoardLight, YahrzeitWindow, lights_between, lit_days, observed_dates
from luach.calendar import (
    FIRST_DAY,
    LAST_DAY,
    HavdalahOpinion,
    candle_lighting,
    daf_yomi,
    havdalah,
    holidays,
    is_fast_day,
    is_rosh_chodesh,
    is_shabbat,
    is_yom_tov,
    omer_day,
    parasha,
)
from luach.hebrew_date import (
    HebrewDate,
    HebrewMonth,
    days_in_month,
    is_leap_year,
    months_in_year,
    validate_hebrew_date,
)
from luach.location import MAX_ZONE_NAME, Location, is_zone_name
from luach.rest import RestEvent, rest_until
from luach.rules import DayKind, RoundDirection, day_kinds, resolve_relative, round_time
from luach.yahrzeit import (
    hebrew_date_of_death,
    next_yahrzeit,
    observed_hebrew_date,
    yahrzeit,
    yahrzeits_between,
)
from luach.zmanim import (
    CANDLE_LIGHTING_KEY,
    RELATIVE_KEYS,
    ZMAN_ENUM_NAMES,
    ZMAN_KEYS,
    ZMAN_LABELS,
    compute_zmanim,
    zman_key_for_enum_name,
)

__all__ = [
    "CANDLE_LIGHTING_KEY",
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_ZONE_NAME",
    "RELATIVE_KEYS",
    "ZMAN_ENUM_NAMES",
    "ZMAN_KEYS",
    "ZMAN_LABELS",
    "AdarRule",
    "BoardLight",
    "DayKind",
    "HavdalahOpinion",
    "HebrewDate",
    "HebrewMonth",
    "Location",
    "RestEvent",
    "RoundDirection",
    "YahrzeitWindow",
    "candle_lighting",
    "compute_zmanim",
    "daf_yomi",
    "day_kinds",
    "days_in_month",
    "havdalah",
    "hebrew_date_of_death",
    "holidays",
    "is_fast_day",
    "is_leap_year",
    "is_rosh_chodesh",
    "is_shabbat",
    "is_yom_tov",
    "is_zone_name",
    "lights_between",
    "lit_days",
    "months_in_year",
    "next_yahrzeit",
    "observed_dates",
    "observed_hebrew_date",
    "omer_day",
    "parasha",
    "resolve_relative",
    "rest_until",
    "round_time",
    "validate_hebrew_date",
    "yahrzeit",
    "yahrzeits_between",
    "zman_key_for_enum_name",
]
