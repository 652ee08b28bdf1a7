"""Enums of the content domain (values UPPER_SNAKE_CASE, as the client documents use them)."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry import enum_value

from luach import ZMAN_ENUM_NAMES, ZMAN_LABELS


@strawberry.enum(description="A day of the week, on the civil calendar.")
class Weekday(Enum):
    SUNDAY = enum_value("SUNDAY", description="Sunday.")
    MONDAY = enum_value("MONDAY", description="Monday.")
    TUESDAY = enum_value("TUESDAY", description="Tuesday.")
    WEDNESDAY = enum_value("WEDNESDAY", description="Wednesday.")
    THURSDAY = enum_value("THURSDAY", description="Thursday.")
    FRIDAY = enum_value("FRIDAY", description="Friday.")
    SATURDAY = enum_value("SATURDAY", description="Saturday (Shabbat).")


@strawberry.enum(description="Kinds of day a prayer time may apply to besides its weekdays.")
class DayKind(Enum):
    SHABBAT = enum_value("SHABBAT", description="Shabbat.")
    ROSH_CHODESH = enum_value("ROSH_CHODESH", description="A day of Rosh Chodesh (the new month).")
    FAST_DAY = enum_value(
        "FAST_DAY",
        description="A public fast (Tzom Gedaliah, Asara B'Tevet, Ta'anit Esther, 17 Tammuz, Tish'a B'Av) or "
        "Yom Kippur.",
    )
    YOM_TOV = enum_value(
        "YOM_TOV", description="A day of yom tov, Yom Kippur included (and the second days outside Israel)."
    )


@strawberry.enum(description="Which way a computed time is rounded to its step (roundToMinutes).")
class RoundDirection(Enum):
    DOWN = enum_value("DOWN", description="To the step at or before the time.")
    UP = enum_value("UP", description="To the step at or after the time.")
    NEAREST = enum_value("NEAREST", description="To the nearer step; a time halfway goes up.")


@strawberry.enum(description="An aliyah of the Torah reading, in the order they are called.")
class Aliyah(Enum):
    KOHEN = enum_value("KOHEN", description="The first aliyah (a Kohen).")
    LEVI = enum_value("LEVI", description="The second aliyah (a Levi).")
    SHLISHI = enum_value("SHLISHI", description="The third aliyah.")
    REVII = enum_value("REVII", description="The fourth aliyah.")
    CHAMISHI = enum_value("CHAMISHI", description="The fifth aliyah.")
    SHISHI = enum_value("SHISHI", description="The sixth aliyah.")
    SHEVII = enum_value("SHEVII", description="The seventh aliyah.")
    ACHARON = enum_value("ACHARON", description="The last aliyah before maftir, when more are called.")
    MAFTIR = enum_value("MAFTIR", description="Maftir, who also reads the haftarah.")


@strawberry.enum(
    description="A month of the Hebrew calendar (ADAR in a common year; ADAR_I and ADAR_II in a leap year)."
)
class HebrewMonth(Enum):
    NISAN = enum_value("NISAN", description="Nisan.")
    IYYAR = enum_value("IYYAR", description="Iyyar.")
    SIVAN = enum_value("SIVAN", description="Sivan.")
    TAMUZ = enum_value("TAMUZ", description="Tamuz.")
    AV = enum_value("AV", description="Av.")
    ELUL = enum_value("ELUL", description="Elul.")
    TISHREI = enum_value("TISHREI", description="Tishrei, the month of Rosh Hashana.")
    CHESHVAN = enum_value("CHESHVAN", description="Cheshvan.")
    KISLEV = enum_value("KISLEV", description="Kislev.")
    TEVET = enum_value("TEVET", description="Tevet.")
    SHVAT = enum_value("SHVAT", description="Sh'vat.")
    ADAR = enum_value("ADAR", description="Adar of a common year; given for a leap year, it is read as Adar II.")
    ADAR_I = enum_value("ADAR_I", description="Adar I, the added month of a leap year.")
    ADAR_II = enum_value("ADAR_II", description="Adar II of a leap year.")


@strawberry.enum(description="Which time a holiday override fixes.")
class OverrideKind(Enum):
    CANDLE_LIGHTING = enum_value("CANDLE_LIGHTING", description="The candle-lighting time of that date.")
    HAVDALAH = enum_value("HAVDALAH", description="The havdalah time (end of Shabbat or yom tov) of that date.")
    PRAYER_TIME = enum_value("PRAYER_TIME", description="One prayer time on that date (named by prayerTimeId).")


_ZmanKey: Any = Enum(  # type: ignore[misc]
    "ZmanKey", {name: enum_value(key, description=ZMAN_LABELS[key]) for key, name in ZMAN_ENUM_NAMES.items()}
)
ZmanKey: Any = strawberry.enum(
    _ZmanKey, description="A zman: one value per field of Zmanim (@hebcal/core's names), plus CANDLE_LIGHTING."
)


@strawberry.enum(description="What an image is for.")
class MediaKind(Enum):
    MEMORIAL_PHOTO = enum_value("MEMORIAL_PHOTO", description="A memorial's photo, shown with its yahrzeit.")
    MESSAGE_IMAGE = enum_value("MESSAGE_IMAGE", description="A message's image: the message becomes a slide.")
    SCREENSHOT = enum_value("SCREENSHOT", description="A screen's capture, uploaded for a SCREENSHOT command.")


@strawberry.enum(description="Where an image stands.")
class MediaStatus(Enum):
    UPLOADING = enum_value("UPLOADING", description="An upload URL was handed out; nothing of it is shown yet.")
    READY = enum_value("READY", description="Verified and re-encoded: it may be shown.")


@strawberry.enum(description="A size the server makes of every image.")
class MediaVariant(Enum):
    SCREEN = enum_value("SCREEN", description="For a TV screen: at most 1920 pixels on its longest side.")
    THUMB = enum_value("THUMB", description="For lists in the admin app: at most 320 pixels on its longest side.")
