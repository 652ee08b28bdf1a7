"""The computed day of a synagogue: calendar, candle lighting and havdalah, services, classes and aliyot.
DateTimes are in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.content.enums import Aliyah
from schema.content.types.common import HebrewDate
from services.content.schedule import DayPlan


@strawberry.type(description="A service on the day, with its time for that day.")
class ScheduledPrayer:
    name: str = strawberry.field(description="The prayer time's name.")
    time: dt.datetime | None = strawberry.field(description="Null when its zman does not occur that day.")
    location: str = strawberry.field(description="Where it is held; may be empty.")


@strawberry.type(description="A Torah class meeting on the day.")
class ScheduledClass:
    title: str = strawberry.field(description="The class's title.")
    teacher: str = strawberry.field(description="Who gives it; may be empty.")
    time: dt.datetime = strawberry.field(description="When it starts that day.")
    location: str = strawberry.field(description="Where it meets; may be empty.")


@strawberry.type(description="Who is called for one aliyah on the day.")
class ScheduledAliyah:
    aliyah: Aliyah = strawberry.field(description="Which aliyah.")
    person_name: str = strawberry.field(description="Who is called.")


@strawberry.type(description="The synagogue's day: calendar, candle lighting and havdalah when they apply, services.")
class DaySchedule:
    date: dt.date = strawberry.field(description="The civil date.")
    hebrew_date: HebrewDate = strawberry.field(description="Its Hebrew date (of the daytime).")
    parasha: str | None = strawberry.field(description="The portion read on the Shabbat on or after this date.")
    holidays: list[str] = strawberry.field(
        description="English names of its holidays, fasts, Rosh Chodesh and special Shabbatot; empty on most days."
    )
    candle_lighting: dt.datetime | None = strawberry.field(
        description="Candle lighting for a Shabbat or yom tov beginning that evening (or the synagogue's override)."
    )
    havdalah: dt.datetime | None = strawberry.field(
        description="When Shabbat or yom tov ends that evening, if the next day is neither (or the synagogue's "
        "override)."
    )
    prayers: list[ScheduledPrayer] = strawberry.field(
        description="The services said that day, by time (those without a time last)."
    )
    classes: list[ScheduledClass] = strawberry.field(description="The Torah classes meeting that day, by time.")
    aliyot: list[ScheduledAliyah] = strawberry.field(description="The aliyot assigned that day, in reading order.")
    omer_day: int | None = strawberry.field(
        description="The day of the Omer counted the evening before the date's daytime ends (1 to 49); null outside."
    )
    daf_yomi: str | None = strawberry.field(description='The Daf Yomi page, e.g. "Berakhot 12".')

    @classmethod
    def of(cls, plan: DayPlan) -> DaySchedule:
        return cls(
            date=plan.date,
            hebrew_date=HebrewDate.of(plan.hebrew_date),
            parasha=plan.parasha,
            holidays=plan.holidays,
            candle_lighting=plan.candle_lighting,
            havdalah=plan.havdalah,
            prayers=[ScheduledPrayer(name=p.name, time=p.time, location=p.location) for p in plan.prayers],
            classes=[
                ScheduledClass(title=c.title, teacher=c.teacher, time=c.time, location=c.location) for c in plan.classes
            ],
            aliyot=[ScheduledAliyah(aliyah=Aliyah(a), person_name=name) for a, name in plan.aliyot],
            omer_day=plan.omer_day,
            daf_yomi=plan.daf_yomi,
        )
