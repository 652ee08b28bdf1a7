"""The computed day of a synagogue."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.content.enums import Aliyah
from schema.content.types import HebrewDate
from services.content.schedule import DayPlan


@strawberry.type
class ScheduledPrayer:
    name: str
    time: dt.datetime | None = strawberry.field(description="Null when its zman does not occur that day.")
    location: str


@strawberry.type
class ScheduledClass:
    title: str
    teacher: str
    time: dt.datetime
    location: str


@strawberry.type
class ScheduledAliyah:
    aliyah: Aliyah
    person_name: str


@strawberry.type(description="The synagogue's day: calendar, candle lighting and havdalah when they apply, services.")
class DaySchedule:
    date: dt.date
    hebrew_date: HebrewDate
    parasha: str | None = strawberry.field(description="The portion read on the Shabbat on or after this date.")
    holidays: list[str]
    candle_lighting: dt.datetime | None
    havdalah: dt.datetime | None
    prayers: list[ScheduledPrayer]
    classes: list[ScheduledClass]
    aliyot: list[ScheduledAliyah]
    omer_day: int | None
    daf_yomi: str | None

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
