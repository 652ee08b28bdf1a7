"""Daily-content preferences (what the screens show) and holiday-time overrides."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from tortoise.queryset import QuerySet

from luach import ZMAN_KEYS
from models.content import DailyContentPreference, HolidayOverride, PrayerTime
from services.content.holds import Holds, end_holds, hold, save
from services.content.ranges import check_range
from services.content.schedule import OVERRIDE_KINDS
from services.infra.problems import Problems

DEFAULT_SCREEN_ZMANIM: list[str] = [
    "alotHaShachar", "sunrise", "sofZmanShma", "sofZmanTfilla", "chatzot", "minchaGedola", "plagHaMincha",
    "sunset", "tzeit",
]  # fmt: skip
MAX_SCREEN_ZMANIM = 20
_FLAGS = ("show_daf_yomi", "show_omer", "show_parasha", "show_hebrew_date")


async def preferences(shown: Holds | None = None) -> DailyContentPreference:
    """The tenant's preferences (defaults when never saved; not written until changed); with `shown`, as the screens
    show them (Shabbat mode)."""
    rows = await DailyContentPreference.all()
    if shown is not None:
        rows = sorted(shown.shown(DailyContentPreference, rows), key=lambda row: row.id)
    return rows[0] if rows else default_preferences()


def default_preferences() -> DailyContentPreference:
    """What the screens show of a synagogue that never saved its preferences (a row not written)."""
    return DailyContentPreference(zmanim=list(DEFAULT_SCREEN_ZMANIM))


async def update_preferences(
    values: dict[str, Any], held: datetime | None = None
) -> tuple[DailyContentPreference | None, Problems]:
    """Change the preferences (`held` until a havdalah: Shabbat mode)."""
    problems = Problems()
    row = await preferences()
    clean: dict[str, Any] = {name: bool(values[name]) for name in _FLAGS if name in values}
    if "zmanim" in values:
        keys = list(values["zmanim"] or [])
        if any(key not in ZMAN_KEYS for key in keys):
            problems.add("zmanim", "INVALID", "unknown zman")
        elif len(keys) > MAX_SCREEN_ZMANIM:
            problems.add("zmanim", "TOO_LONG", f"at most {MAX_SCREEN_ZMANIM} zmanim")
        clean["zmanim"] = list(dict.fromkeys(keys))
    if problems:
        return None, problems
    if held is None:
        await end_holds(DailyContentPreference)
    if row.pk is None:  # never saved: the defaults
        return await save(DailyContentPreference, None, {"zmanim": row.zmanim, **clean}, held), problems
    return await save(DailyContentPreference, row, clean, held), problems


def overrides_between(start: date, end: date) -> QuerySet[HolidayOverride]:
    """The tenant's overrides from `start` to `end` inclusive, by date (the range checked first; nothing is read
    until the queryset is)."""
    check_range(start, end)
    return HolidayOverride.filter(date__gte=start, date__lte=end).order_by("date", "id")


def _override_values(values: dict[str, Any], prayer_time: PrayerTime | None) -> tuple[dict[str, Any], Problems]:
    problems = Problems()
    day: date | None = values.get("date")
    at: time | None = values.get("time")
    kind = values.get("kind")
    if day is None:
        problems.add("date", "REQUIRED", "date is required")
    if at is None:
        problems.add("time", "REQUIRED", "time is required")
    if kind not in OVERRIDE_KINDS:
        problems.add("kind", "INVALID", "unknown kind")
    elif kind == "PRAYER_TIME" and prayer_time is None:
        problems.add("prayerTimeId", "REQUIRED", "name the prayer time to override")
    elif kind != "PRAYER_TIME" and prayer_time is not None:
        problems.add("prayerTimeId", "INVALID", "only a PRAYER_TIME override names a prayer time")
    note = problems.text("note", values.get("note") or "", max_length=200) or ""
    clean = {
        "date": day,
        "kind": kind,
        "time": at,
        "note": note,
        "prayer_time_id": prayer_time.id if prayer_time else None,
    }
    return clean, problems


def _target(clean: dict[str, Any]) -> Any:
    return HolidayOverride.filter(date=clean["date"], kind=clean["kind"], prayer_time_id=clean["prayer_time_id"])


async def set_override(
    values: dict[str, Any], prayer_time: PrayerTime | None, held: datetime | None = None
) -> tuple[HolidayOverride | None, Problems]:
    """Fix a time on a date; the same (date, kind, prayer time) replaces the earlier override (`held` until a
    havdalah: Shabbat mode)."""
    clean, problems = _override_values(values, prayer_time)
    if problems:
        return None, problems
    row = await _target(clean).first()
    changes = clean if row is None else {"time": clean["time"], "note": clean["note"]}
    return await save(HolidayOverride, row, changes, held), problems


async def update_override(
    row: HolidayOverride, values: dict[str, Any], prayer_time: PrayerTime | None, held: datetime | None = None
) -> tuple[HolidayOverride | None, Problems]:
    """Change one override by id (`prayer_time`: the one it names after the change, if any). Another
    override already fixing the same date and target is a CONFLICT; nothing is written then. `held` until a
    havdalah: Shabbat mode."""
    merged = {"date": row.date, "kind": row.kind, "time": row.time, "note": row.note, **values}
    clean, problems = _override_values(merged, prayer_time)
    if not problems and await _target(clean).exclude(id=row.id).exists():
        problems.add("date", "CONFLICT", "another override already fixes this time on that date")
    if problems:
        return None, problems
    return await save(HolidayOverride, row, clean, held), problems


async def reset_preferences(held: datetime | None = None) -> DailyContentPreference:
    """Back to the defaults (the saved preferences are removed; `held` until a havdalah: Shabbat mode)."""
    if held is None:
        await end_holds(DailyContentPreference)
    else:
        await hold(await DailyContentPreference.all(), held)
    await DailyContentPreference.all().delete()
    return await preferences()
