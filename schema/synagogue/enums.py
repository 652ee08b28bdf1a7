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
