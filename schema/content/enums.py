"""Enums of the content domain (values UPPER_SNAKE_CASE, as the client documents use them)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from luach import ZMAN_ENUM_NAMES


@strawberry.enum
class Weekday(Enum):
    SUNDAY = "SUNDAY"
    MONDAY = "MONDAY"
    TUESDAY = "TUESDAY"
    WEDNESDAY = "WEDNESDAY"
    THURSDAY = "THURSDAY"
    FRIDAY = "FRIDAY"
    SATURDAY = "SATURDAY"


@strawberry.enum(description="Kinds of day a prayer time may apply to besides its weekdays.")
class DayKind(Enum):
    SHABBAT = "SHABBAT"
    ROSH_CHODESH = "ROSH_CHODESH"
    FAST_DAY = "FAST_DAY"
    YOM_TOV = "YOM_TOV"


@strawberry.enum
class RoundDirection(Enum):
    DOWN = "DOWN"
    UP = "UP"
    NEAREST = "NEAREST"


@strawberry.enum
class Aliyah(Enum):
    KOHEN = "KOHEN"
    LEVI = "LEVI"
    SHLISHI = "SHLISHI"
    REVII = "REVII"
    CHAMISHI = "CHAMISHI"
    SHISHI = "SHISHI"
    SHEVII = "SHEVII"
    ACHARON = "ACHARON"
    MAFTIR = "MAFTIR"


@strawberry.enum
class HebrewMonth(Enum):
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


@strawberry.enum(description="Which time a holiday override fixes.")
class OverrideKind(Enum):
    CANDLE_LIGHTING = "CANDLE_LIGHTING"
    HAVDALAH = "HAVDALAH"
    PRAYER_TIME = "PRAYER_TIME"


@strawberry.enum
class JobStatus(Enum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


_ZmanKey: Any = Enum("ZmanKey", {name: key for key, name in ZMAN_ENUM_NAMES.items()})  # type: ignore[misc]
ZmanKey: Any = strawberry.enum(
    _ZmanKey, description="A zman: one value per field of Zmanim (@hebcal/core's names), plus CANDLE_LIGHTING."
)
