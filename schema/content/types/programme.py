"""Torah classes, aliyah assignments, holiday-time overrides and daily-content preferences."""

from __future__ import annotations

import datetime as dt

import strawberry

from models import content as m
from models.identity import Role
from permissions import HasRole
from schema.content.enums import Aliyah, OverrideKind, Weekday, ZmanKey
from schema.content.types.prayer_times import weekdays
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type
class TorahClass(Node):
    id: strawberry.ID
    title: str
    teacher: str
    days: list[Weekday]
    time: dt.time
    location: str
    description: str

    @classmethod
    def of(cls, row: m.TorahClass) -> TorahClass:
        return cls(
            id=strawberry.ID(to_global_id("TorahClass", row.id)),
            title=row.title,
            teacher=row.teacher,
            days=weekdays(row.days),
            time=row.time,
            location=row.location,
            description=row.description,
        )


@strawberry.type(description="Who is called to the Torah for one aliyah on one date.")
class AliyahAssignment(Node):
    id: strawberry.ID
    date: dt.date
    aliyah: Aliyah
    person_name: str
    notify: bool
    _row: strawberry.Private[m.AliyahAssignment]

    @strawberry.field(permission_classes=[HasRole(Role.EDITOR)], description="EDITOR and above.")
    def notify_email(self) -> str | None:
        return self._row.notify_email

    @classmethod
    def of(cls, row: m.AliyahAssignment) -> AliyahAssignment:
        return cls(
            id=strawberry.ID(to_global_id("AliyahAssignment", row.id)),
            date=row.date,
            aliyah=Aliyah(row.aliyah),
            person_name=row.person_name,
            notify=row.notify,
            _row=row,
        )


@strawberry.type(description="A time the synagogue fixes itself on one date.")
class HolidayOverride(Node):
    id: strawberry.ID
    date: dt.date
    kind: OverrideKind
    prayer_time_id: strawberry.ID | None
    time: dt.time
    note: str

    @classmethod
    def of(cls, row: m.HolidayOverride) -> HolidayOverride:
        prayer = to_global_id("PrayerTime", row.prayer_time_id) if row.prayer_time_id else None
        return cls(
            id=strawberry.ID(to_global_id("HolidayOverride", row.id)),
            date=row.date,
            kind=OverrideKind(row.kind),
            prayer_time_id=strawberry.ID(prayer) if prayer else None,
            time=row.time,
            note=row.note,
        )


@strawberry.type(description="Which daily items the synagogue's screens show.")
class DailyContentPreferences:
    show_daf_yomi: bool
    show_omer: bool
    show_parasha: bool
    show_hebrew_date: bool
    zmanim: list[ZmanKey]

    @classmethod
    def of(cls, row: m.DailyContentPreference) -> DailyContentPreferences:
        return cls(
            show_daf_yomi=row.show_daf_yomi,
            show_omer=row.show_omer,
            show_parasha=row.show_parasha,
            show_hebrew_date=row.show_hebrew_date,
            zmanim=[ZmanKey(key) for key in row.zmanim],
        )
