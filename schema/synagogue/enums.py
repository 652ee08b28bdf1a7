"""Synagogue enums: the opinions of when Shabbat and yom tov end (havdalah)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="When Shabbat and yom tov end (havdalah), after sunset in the synagogue's time zone.")
class HavdalahOpinion(Enum):
    DEGREES_8_5 = strawberry.enum_value("DEGREES_8_5", description="When the sun is 8.5° below the horizon.")
    MINUTES_42 = strawberry.enum_value("MINUTES_42", description="42 minutes after sunset.")
    MINUTES_50 = strawberry.enum_value("MINUTES_50", description="50 minutes after sunset.")
    MINUTES_72 = strawberry.enum_value("MINUTES_72", description="72 minutes after sunset (Rabbeinu Tam).")


@strawberry.enum(description="How long a yahrzeit's light burns on the board (from sunset the evening before).")
class YahrzeitWindow(Enum):
    HEBREW_DATE = strawberry.enum_value("HEBREW_DATE", description="On the Hebrew date of the yahrzeit only.")
    WEEK = strawberry.enum_value("WEEK", description="The whole week of the yahrzeit, Sunday to Shabbat.")
    SHABBAT_TO_FRIDAY = strawberry.enum_value(
        "SHABBAT_TO_FRIDAY", description="From the Shabbat on or before the yahrzeit through the Friday after it."
    )


@strawberry.enum(description="Where a death in Adar of a common year is remembered in a leap year.")
class AdarRule(Enum):
    ADAR_I = strawberry.enum_value("ADAR_I", description="In Adar I, as today's rules (hebcal, the Rema) have it.")
    ADAR_II = strawberry.enum_value("ADAR_II", description="In Adar II (the Mechaber's custom).")
    BOTH = strawberry.enum_value("BOTH", description="In both Adar I and Adar II.")
