"""Inputs of Torah classes, aliyah assignments, daily-content preferences and holiday-time overrides."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from schema.content.enums import Aliyah, OverrideKind, Weekday, ZmanKey
from schema.content.inputs.media import URGENT

_TITLE = 'What is learnt, e.g. "Daf Yomi", 1 to 200 characters.'
_CLASS_DAYS = "The weekdays it meets; at least one."
_CLASS_TIME = "When it starts, a wall time in the synagogue's time zone."
_TEACHER = "Who gives it, at most 200 characters."
_CLASS_LOCATION = "Where it meets, at most 200 characters."
_CLASS_DESCRIPTION = "More about the class, at most 5,000 characters."
_READING_DATE = "The civil date of the reading."
_PERSON_NAME = "Who is called, as the screens show it, 1 to 200 characters."
_OVERRIDE_DATE = "The civil date it applies to."
_OVERRIDE_KIND = "Which time it fixes."
_OVERRIDE_TIME = "The time, a wall time in the synagogue's time zone."
_PRAYER_TIME_ID = "The global id of the prayer time it fixes: required for PRAYER_TIME, refused for another kind."
_NOTE = 'Why, for the staff (e.g. "early Shabbat"), at most 200 characters.'


@strawberry.input(description="A new Torah class (shiur).")
class CreateTorahClassInput:
    title: str = strawberry.field(description=_TITLE)
    days: list[Weekday] = strawberry.field(description=_CLASS_DAYS)
    time: dt.time = strawberry.field(description=_CLASS_TIME)
    teacher: str | None = strawberry.field(default=UNSET, description=_TEACHER)
    location: str | None = strawberry.field(default=UNSET, description=_CLASS_LOCATION)
    description: str | None = strawberry.field(default=UNSET, description=_CLASS_DESCRIPTION)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Changes to a Torah class; fields left out keep their values.")
class UpdateTorahClassInput:
    id: strawberry.ID = strawberry.field(description="The class's global id.")
    title: str | None = strawberry.field(default=UNSET, description=_TITLE)
    days: list[Weekday] | None = strawberry.field(default=UNSET, description=_CLASS_DAYS)
    time: dt.time | None = strawberry.field(default=UNSET, description=_CLASS_TIME)
    teacher: str | None = strawberry.field(default=UNSET, description=_TEACHER)
    location: str | None = strawberry.field(default=UNSET, description=_CLASS_LOCATION)
    description: str | None = strawberry.field(default=UNSET, description=_CLASS_DESCRIPTION)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Assigning an aliyah that is already assigned on that date replaces the person.")
class AssignAliyahInput:
    date: dt.date = strawberry.field(description=_READING_DATE)
    aliyah: Aliyah = strawberry.field(description="Which aliyah.")
    person_name: str = strawberry.field(description=_PERSON_NAME)
    notify: bool = strawberry.field(default=False, description="E-mail the person about it (needs notifyEmail).")
    notify_email: str | None = strawberry.field(default=UNSET, description="Where to e-mail the person.")
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Notification settings stay as they are; assignAliyah changes them.")
class UpdateAliyahAssignmentInput:
    id: strawberry.ID = strawberry.field(description="The assignment's global id.")
    date: dt.date | None = strawberry.field(default=UNSET, description=_READING_DATE)
    aliyah: Aliyah | None = strawberry.field(default=UNSET, description="Which aliyah (not one taken that date).")
    person_name: str | None = strawberry.field(default=UNSET, description=_PERSON_NAME)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Which daily items the screens show; fields left out keep their values.")
class UpdateDailyContentPreferencesInput:
    show_daf_yomi: bool | None = strawberry.field(default=UNSET, description="Show the day's daf of the Daf Yomi.")
    show_omer: bool | None = strawberry.field(default=UNSET, description="Show the count of the Omer.")
    show_parasha: bool | None = strawberry.field(default=UNSET, description="Show the week's Torah portion.")
    show_hebrew_date: bool | None = strawberry.field(default=UNSET, description="Show the Hebrew date.")
    zmanim: list[ZmanKey] | None = strawberry.field(
        default=UNSET, description="The zmanim the screens list, in this order (at most 20; repeats dropped)."
    )
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="PRAYER_TIME overrides name the prayer time; the same date and target replace.")
class SetHolidayOverrideInput:
    date: dt.date = strawberry.field(description=_OVERRIDE_DATE)
    kind: OverrideKind = strawberry.field(description=_OVERRIDE_KIND)
    time: dt.time = strawberry.field(description=_OVERRIDE_TIME)
    prayer_time_id: strawberry.ID | None = strawberry.field(default=UNSET, description=_PRAYER_TIME_ID)
    note: str | None = strawberry.field(default=UNSET, description=_NOTE)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="A PRAYER_TIME override names its prayer time; another kind clears it.")
class UpdateHolidayOverrideInput:
    id: strawberry.ID = strawberry.field(description="The override's global id.")
    date: dt.date | None = strawberry.field(default=UNSET, description=_OVERRIDE_DATE)
    kind: OverrideKind | None = strawberry.field(default=UNSET, description=_OVERRIDE_KIND)
    time: dt.time | None = strawberry.field(default=UNSET, description=_OVERRIDE_TIME)
    prayer_time_id: strawberry.ID | None = strawberry.field(default=UNSET, description=_PRAYER_TIME_ID)
    note: str | None = strawberry.field(default=UNSET, description=_NOTE)
    urgent: bool = strawberry.field(default=False, description=URGENT)
