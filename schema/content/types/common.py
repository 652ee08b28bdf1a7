"""What the content types share: local time in the synagogue's zone, the Hebrew date, until when a row is held for
the screens (Shabbat mode)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

import luach
from schema.content.enums import HebrewMonth

HELD_UNTIL = (
    "Shabbat mode: changed during Shabbat or yom tov, the screens show this version from this havdalah on (until "
    "then the one before, or nothing for a new one); null: shown as it is."
)


def local(moment: dt.datetime | None, zone: ZoneInfo) -> dt.datetime | None:
    return None if moment is None else moment.astimezone(zone)


@strawberry.type(description="A date of the Hebrew calendar.")
class HebrewDate:
    day: int = strawberry.field(description="The day of the month, 1 to 30.")
    month: HebrewMonth = strawberry.field(description="The month (ADAR_I or ADAR_II in a leap year).")
    year: int = strawberry.field(description="The year from creation, e.g. 5787.")
    display: str = strawberry.field(description='English, e.g. "5 Kislev 5787".')
    hebrew_display: str = strawberry.field(description="In Hebrew letters.")

    @classmethod
    def of(cls, value: luach.HebrewDate) -> HebrewDate:
        return cls(
            day=value.day,
            month=HebrewMonth(value.month.value),
            year=value.year,
            display=value.display,
            hebrew_display=value.hebrew_display,
        )
