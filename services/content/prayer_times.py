"""Prayer times, Torah classes and Torah-reading assignments: the lists in order, validation and writes.

Updates merge the given values over the row and validate the result as a whole, so a row is never
left half-valid; giving `fixed_time` on an update clears `relative_to` and the other way round.
A season (`valid_from`..`valid_to`) that `recurs_yearly` needs both ends; its end may come before its
start in the year (it wraps the year end), which a one-off season may not. A `hebrew_season` is
stored as `{"start": {"month", "day"}, "end": {...}}`; each end must be a day some year has.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from tortoise.queryset import QuerySet

from luach import RELATIVE_KEYS, DayKind, HebrewMonth
from luach.seasons import HebrewDay
from models.content import WEEKDAYS, AliyahAssignment, PrayerTime, TorahClass
from services.content.holds import save
from services.content.schedule import ALIYOT
from services.infra.problems import MAX_OFFSET_MINUTES, Problems
from services.outbox.mail import is_address
from services.outbox.notices import aliyah_assigned

MAX_ROUND_MINUTES = 60
_MONTHS = {month.value for month in HebrewMonth}
_KIND_NAMES = {kind.value for kind in DayKind}
_PRAYER_FIELDS = (
    "name", "days", "day_kinds", "exclude_day_kinds", "fixed_time", "relative_to", "offset_minutes",
    "round_to_minutes", "round_direction", "valid_from", "valid_to", "recurs_yearly", "hebrew_season", "location",
    "sort_order",
)  # fmt: skip
_CLASS_FIELDS = ("title", "teacher", "days", "time", "location", "description")


def prayer_times_in_order() -> QuerySet[PrayerTime]:
    """The tenant's prayer times by `sort_order`, then oldest first (nothing is read until it is awaited)."""
    return PrayerTime.all().order_by("sort_order", "id")


def torah_classes_in_order() -> QuerySet[TorahClass]:
    """The tenant's Torah classes by time of day (nothing is read until it is awaited)."""
    return TorahClass.all().order_by("time", "id")


def _names(problems: Problems, field: str, values: Any, allowed: set[str] | tuple[str, ...]) -> list[str]:
    items = list(values or [])
    if any(item not in allowed for item in items):
        problems.add(field, "INVALID", f"{field} has an unknown value")
        return []
    return [name for name in allowed if name in items] if isinstance(allowed, tuple) else sorted(set(items))


def _hebrew_season(problems: Problems, season: Any) -> dict[str, Any] | None:
    """A yearly stretch of the Hebrew calendar, or None; both ends must be days that exist."""
    if not season:
        return None
    clean: dict[str, Any] = {}
    for end in ("start", "end"):
        value = season.get(end) or {}
        month, day = value.get("month"), value.get("day")
        if month not in _MONTHS:
            problems.add(f"hebrewSeason.{end}.month", "INVALID", "unknown Hebrew month")
        elif not isinstance(day, int) or not HebrewDay(HebrewMonth(month), day).exists():
            problems.add(f"hebrewSeason.{end}.day", "INVALID_DATE", f"{month.title()} has no day {day}")
        clean[end] = {"month": month, "day": day}
    return clean


def _merged(row: Any, names: tuple[str, ...], values: dict[str, Any]) -> dict[str, Any]:
    base = {name: getattr(row, name) for name in names} if row is not None else {}
    return {**base, **values}


def prayer_time_values(values: dict[str, Any]) -> tuple[dict[str, Any], Problems]:
    problems = Problems()
    clean: dict[str, Any] = {"name": problems.text("name", values.get("name"), max_length=200, required=True)}
    clean["days"] = _names(problems, "days", values.get("days"), WEEKDAYS)
    clean["day_kinds"] = _names(problems, "dayKinds", values.get("day_kinds"), _KIND_NAMES)
    clean["exclude_day_kinds"] = _names(problems, "excludeDayKinds", values.get("exclude_day_kinds"), _KIND_NAMES)
    if not clean["days"] and not clean["day_kinds"] and "days" not in {p.field for p in problems}:
        problems.add("days", "REQUIRED", "choose at least one weekday or kind of day")
    fixed: time | None = values.get("fixed_time")
    relative: str | None = values.get("relative_to")
    if fixed is not None and relative is not None:
        problems.add("fixedTime", "CONFLICT", "give either fixedTime or relativeTo, not both")
    elif fixed is None and relative is None:
        problems.add("fixedTime", "REQUIRED", "give fixedTime or relativeTo")
    elif relative is not None and relative not in RELATIVE_KEYS:
        problems.add("relativeTo", "INVALID", f"unknown zman {relative!r}")
    clean["fixed_time"], clean["relative_to"] = fixed, relative
    offset = values.get("offset_minutes", 0)
    clean["offset_minutes"] = problems.integer("offsetMinutes", offset, -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES)
    clean["round_to_minutes"] = problems.integer(
        "roundToMinutes", values.get("round_to_minutes", 0), 0, MAX_ROUND_MINUTES
    )
    direction = values.get("round_direction") or "DOWN"
    if direction not in ("DOWN", "UP", "NEAREST"):
        problems.add("roundDirection", "INVALID", "roundDirection is DOWN, UP or NEAREST")
    clean["round_direction"] = direction
    start: date | None = values.get("valid_from")
    end: date | None = values.get("valid_to")
    recurs = bool(values.get("recurs_yearly") or False)
    if recurs and (start is None or end is None):
        field = "validFrom" if start is None else "validTo"
        problems.add(field, "REQUIRED", "a season that recurs yearly needs validFrom and validTo")
    elif not recurs:
        problems.order("validTo", start, end)
    clean["valid_from"], clean["valid_to"], clean["recurs_yearly"] = start, end, recurs
    clean["hebrew_season"] = _hebrew_season(problems, values.get("hebrew_season"))
    clean["location"] = problems.text("location", values.get("location") or "", max_length=200) or ""
    clean["sort_order"] = problems.integer("sortOrder", values.get("sort_order", 0), -10_000, 10_000)
    return clean, problems


async def save_prayer_time(
    row: PrayerTime | None, values: dict[str, Any], held: datetime | None = None
) -> tuple[PrayerTime | None, Problems]:
    """Create (row None) or update a prayer time; nothing is written when there are problems. The screens show the
    change from `held` (a havdalah: Shabbat mode) when given."""
    values = dict(values)
    if row is not None:
        if values.get("fixed_time") is not None and "relative_to" not in values:
            values["relative_to"] = None
        if values.get("relative_to") is not None and "fixed_time" not in values:
            values["fixed_time"] = None
    clean, problems = prayer_time_values(_merged(row, _PRAYER_FIELDS, values))
    if problems:
        return None, problems
    return await save(PrayerTime, row, clean, held), problems


async def save_torah_class(
    row: TorahClass | None, values: dict[str, Any], held: datetime | None = None
) -> tuple[TorahClass | None, Problems]:
    """Create (row None) or update a Torah class; the screens show it from `held` (Shabbat mode) when given."""
    merged = _merged(row, _CLASS_FIELDS, values)
    problems = Problems()
    clean: dict[str, Any] = {"title": problems.text("title", merged.get("title"), max_length=200, required=True)}
    clean["teacher"] = problems.text("teacher", merged.get("teacher") or "", max_length=200) or ""
    clean["days"] = _names(problems, "days", merged.get("days"), WEEKDAYS)
    if not clean["days"] and not problems:
        problems.add("days", "REQUIRED", "choose at least one weekday")
    if merged.get("time") is None:
        problems.add("time", "REQUIRED", "time is required")
    clean["time"] = merged.get("time")
    clean["location"] = problems.text("location", merged.get("location") or "", max_length=200) or ""
    clean["description"] = problems.text("description", merged.get("description") or "", max_length=5000) or ""
    if problems:
        return None, problems
    return await save(TorahClass, row, clean, held), problems


async def assign_aliyah(
    values: dict[str, Any], held: datetime | None = None
) -> tuple[AliyahAssignment | None, Problems]:
    """Assign one aliyah on one date; an existing assignment of that aliyah and date is replaced (`held` until a
    havdalah: Shabbat mode)."""
    problems = Problems()
    person = problems.text("personName", values.get("person_name"), max_length=200, required=True)
    aliyah = values.get("aliyah")
    if aliyah not in ALIYOT:
        problems.add("aliyah", "INVALID", "unknown aliyah")
    day: date | None = values.get("date")
    if day is None:
        problems.add("date", "REQUIRED", "date is required")
    notify = bool(values.get("notify", False))
    email = problems.email("notifyEmail", values.get("notify_email") or "") or ""
    if email and not is_address(email):
        problems.add("notifyEmail", "INVALID", "notifyEmail is not an e-mail address")
    if notify and not email and "notifyEmail" not in {p.field for p in problems}:
        problems.add("notifyEmail", "REQUIRED", "an e-mail address is needed to notify")
    if problems:
        return None, problems
    existing = await AliyahAssignment.filter(date=day, aliyah=aliyah).first()
    news = existing is None or (existing.person_name, existing.notify_email) != (person, email) or not existing.notify
    changes = {"person_name": person, "notify": notify, "notify_email": email}
    row = await save(
        AliyahAssignment, existing, changes if existing else {"date": day, "aliyah": aliyah, **changes}, held
    )
    await aliyah_assigned(row, notify=notify and news)
    return row, problems
