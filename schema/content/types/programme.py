"""Torah classes, aliyah assignments, holiday-time overrides and daily-content preferences."""

from __future__ import annotations

import datetime as dt

import strawberry

from models import content as m
from models.identity import Role
from permissions import HasRole
from schema.content.enums import Aliyah, OverrideKind, Weekday, ZmanKey
from schema.content.loaders import held_until_loader
from schema.content.types.common import HELD_UNTIL
from schema.content.types.prayer_times import weekdays
from schema.context import Info
from schema.relay import Connection, Node
from services.infra.ids import to_global_id


@strawberry.type(description="A recurring Torah class (shiur) on some weekdays at a fixed time.")
class TorahClass(Node):
    id: strawberry.ID = strawberry.field(description="The class's global id.")
    title: str = strawberry.field(description='What is learnt, e.g. "Daf Yomi".')
    teacher: str = strawberry.field(description="Who gives it; may be empty.")
    days: list[Weekday] = strawberry.field(description="The weekdays it meets, Monday first.")
    time: dt.time = strawberry.field(description="When it starts, a wall time in the synagogue's time zone.")
    location: str = strawberry.field(description="Where it meets; may be empty.")
    description: str = strawberry.field(description="More about the class, as the staff wrote it; may be empty.")
    _pk: strawberry.Private[int]

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "TorahClass").load(self._pk)

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
            _pk=row.id,
        )


@strawberry.type(description="A page of the synagogue's Torah classes, by time of day.")
class TorahClassConnection(Connection[TorahClass]):
    pass


@strawberry.type(description="Who is called to the Torah for one aliyah on one date.")
class AliyahAssignment(Node):
    id: strawberry.ID = strawberry.field(description="The assignment's global id.")
    date: dt.date = strawberry.field(description="The civil date of the reading.")
    aliyah: Aliyah = strawberry.field(description="Which aliyah.")
    person_name: str = strawberry.field(description="Who is called, as the screens show it.")
    notify: bool = strawberry.field(description="The person is e-mailed about the assignment (at notifyEmail).")
    _row: strawberry.Private[m.AliyahAssignment]

    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Where the person is notified (EDITOR and above); empty when none.",
    )
    def notify_email(self) -> str | None:
        return self._row.notify_email

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "AliyahAssignment").load(self._row.id)

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


@strawberry.type(description="A page of aliyah assignments, by date and then in the order the aliyot are read.")
class AliyahAssignmentConnection(Connection[AliyahAssignment]):
    pass


@strawberry.type(description="A time the synagogue fixes itself on one date.")
class HolidayOverride(Node):
    id: strawberry.ID = strawberry.field(description="The override's global id.")
    date: dt.date = strawberry.field(description="The civil date it applies to.")
    kind: OverrideKind = strawberry.field(description="Which time it fixes.")
    prayer_time_id: strawberry.ID | None = strawberry.field(
        description="The global id of the prayer time it fixes (PRAYER_TIME only); null for another kind."
    )
    time: dt.time = strawberry.field(description="The time it fixes, a wall time in the synagogue's time zone.")
    note: str = strawberry.field(description='Why, for the staff (e.g. "early Shabbat"); may be empty.')
    _pk: strawberry.Private[int]

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "HolidayOverride").load(self._pk)

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
            _pk=row.id,
        )


@strawberry.type(description="A page of holiday-time overrides, by date.")
class HolidayOverrideConnection(Connection[HolidayOverride]):
    pass


@strawberry.type(description="Which daily items the synagogue's screens show.")
class DailyContentPreferences:
    show_daf_yomi: bool = strawberry.field(description="Show the day's daf of the Daf Yomi cycle.")
    show_omer: bool = strawberry.field(description="Show the count of the Omer (between Pesach and Shavuot).")
    show_parasha: bool = strawberry.field(description="Show the week's Torah portion.")
    show_hebrew_date: bool = strawberry.field(description="Show the Hebrew date.")
    zmanim: list[ZmanKey] = strawberry.field(description="The zmanim the screens list, in this order (at most 20).")

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "DailyContentPreference").load(None)

    @classmethod
    def of(cls, row: m.DailyContentPreference) -> DailyContentPreferences:
        return cls(
            show_daf_yomi=row.show_daf_yomi,
            show_omer=row.show_omer,
            show_parasha=row.show_parasha,
            show_hebrew_date=row.show_hebrew_date,
            zmanim=[ZmanKey(key) for key in row.zmanim],
        )
