"""What a synagogue puts on its wall: messages, memorials, prayer times, classes, Torah-reading
assignments, daily-content preferences and holiday-time overrides, and (Shabbat mode) the rows as its screens keep
showing them until havdalah. Every row belongs to one tenant."""

from __future__ import annotations

from datetime import time
from typing import Any

from tortoise import fields

from models.base import TenantModel

WEEKDAYS: tuple[str, ...] = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
"""Weekday names in Python's `date.weekday()` order (Monday = 0)."""


class WallTimeField(fields.CharField):  # type: ignore[type-arg]
    """A wall-clock time stored as "HH:MM:SS" text, the same on SQLite and PostgreSQL."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=8, **kwargs)

    def to_db_value(self, value: Any, instance: Any) -> str | None:
        if isinstance(value, time):
            return value.replace(microsecond=0, tzinfo=None).isoformat()
        return None if value is None else str(value)

    def to_python_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return time.fromisoformat(value)
        return value


class Message(TenantModel):
    """An announcement, shown between `starts_at` and `ends_at` (either end open)."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    priority = fields.IntField(default=0)
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "content_message"
        ordering = ["-priority", "-id"]


class Memorial(TenantModel):
    """A hanzacha: the departed's names, the Hebrew date of death, and where the plaque hangs.

    `hebrew_year/month/day` is the Hebrew date of death (month as `luach.HebrewMonth` value); the civil
    date is kept when it was given, with `after_sunset`.
    """

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    hebrew_name = fields.CharField(max_length=200, default="")
    date_of_death = fields.DateField(null=True)
    after_sunset = fields.BooleanField(default=False)
    hebrew_year = fields.IntField()
    hebrew_month = fields.CharField(max_length=12)
    hebrew_day = fields.IntField()
    plaque = fields.CharField(max_length=100, default="")
    family_email = fields.CharField(max_length=254, default="")
    reminded_for = fields.DateField(null=True)
    """The civil date of the yahrzeit whose family reminder was last queued (each is sent once)."""
    announced_for = fields.DateField(null=True)
    """The civil date of the yahrzeit last announced to webhooks as YAHRZEIT_UPCOMING (each is announced once)."""
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_memorial"
        ordering = ["name", "id"]


class PrayerTime(TenantModel):
    """A service: a fixed wall time, or `relative_to` a zman plus an offset, rounded to a step.

    It applies on a date whose weekday is in `days` or whose kinds (SHABBAT, ROSH_CHODESH, FAST_DAY,
    YOM_TOV) meet `day_kinds`, unless the date's kinds meet `exclude_day_kinds`, and only inside the
    season `valid_from`..`valid_to` (inclusive civil dates; either end open). A season that
    `recurs_yearly` has both ends and compares month and day only (the years are ignored), so it
    returns every year; when its end falls before its start in the year (Nov 1 - Mar 31) it wraps
    the year end. `hebrew_season` (`{"start": {"month", "day"}, "end": {...}}`, months as
    `luach.HebrewMonth` values) limits it further to a stretch of every Hebrew year (`luach.seasons`).
    """

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    days: list[str] = fields.JSONField(default=list)
    day_kinds: list[str] = fields.JSONField(default=list)
    exclude_day_kinds: list[str] = fields.JSONField(default=list)
    fixed_time = WallTimeField(null=True)
    relative_to = fields.CharField(max_length=40, null=True)
    offset_minutes = fields.IntField(default=0)
    round_to_minutes = fields.IntField(default=0)
    round_direction = fields.CharField(max_length=8, default="DOWN")
    valid_from = fields.DateField(null=True)
    valid_to = fields.DateField(null=True)
    recurs_yearly = fields.BooleanField(default=False, db_default=False)
    hebrew_season: dict[str, Any] | None = fields.JSONField(null=True)
    location = fields.CharField(max_length=200, default="")
    sort_order = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_prayer_time"
        ordering = ["sort_order", "id"]


class TorahClass(TenantModel):
    """A recurring shiur on some weekdays at a wall time."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=200)
    teacher = fields.CharField(max_length=200, default="")
    days: list[str] = fields.JSONField(default=list)
    time = WallTimeField()
    location = fields.CharField(max_length=200, default="")
    description = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_torah_class"
        ordering = ["time", "id"]


class AliyahAssignment(TenantModel):
    """Who is called to the Torah for one aliyah on one date (one person per aliyah and date)."""

    id = fields.IntField(primary_key=True)
    date = fields.DateField()
    aliyah = fields.CharField(max_length=12)
    person_name = fields.CharField(max_length=200)
    notify = fields.BooleanField(default=False)
    notify_email = fields.CharField(max_length=254, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_aliyah_assignment"
        unique_together = (("tenant", "date", "aliyah"),)


class DailyContentPreference(TenantModel):
    """Which daily items the synagogue's screens show, and which zmanim (keys of `luach.ZMAN_KEYS`)."""

    id = fields.IntField(primary_key=True)
    show_daf_yomi = fields.BooleanField(default=True)
    show_omer = fields.BooleanField(default=True)
    show_parasha = fields.BooleanField(default=True)
    show_hebrew_date = fields.BooleanField(default=True)
    zmanim: list[str] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "content_daily_preference"
        unique_together = (("tenant",),)


class HolidayOverride(TenantModel):
    """A time the synagogue fixes itself on one date: candle lighting, havdalah, or one prayer time."""

    id = fields.IntField(primary_key=True)
    date = fields.DateField()
    kind = fields.CharField(max_length=16)
    prayer_time: fields.ForeignKeyNullableRelation[PrayerTime] = fields.ForeignKeyField(
        "models.PrayerTime", related_name=False, null=True, on_delete=fields.CASCADE
    )
    prayer_time_id: int | None
    time = WallTimeField()
    note = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_holiday_override"
        ordering = ["date", "id"]


class HeldRow(TenantModel):
    """Shabbat mode: a content row as the synagogue's screens keep showing it until `held_until` (the havdalah of the
    rest in which it was first edited), while the row itself already carries every edit made since, or is deleted.
    `shown` is the row's fields before that first edit (`services.content.holds`); null: the row was made during
    the rest and is not shown before `held_until`. A row held already keeps its first `shown`."""

    id = fields.IntField(primary_key=True)
    row_type = fields.CharField(max_length=32)
    """The model's name: Message, Memorial, PrayerTime, TorahClass, AliyahAssignment, HolidayOverride,
    DailyContentPreference or Media."""
    row_id = fields.IntField()
    shown: dict[str, Any] | None = fields.JSONField(null=True)
    held_until = fields.DatetimeField(db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "content_held_row"
        unique_together = (("tenant", "row_type", "row_id"),)
