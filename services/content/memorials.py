"""Memorials (hanzachot): the list by name, validation shared by the form and the CSV import, and writes.

A write that gives a family an address, or adds or moves the date of death of a memorial that has one or whose
yahrzeits a webhook hears (YAHRZEIT_UPCOMING), starts the yahrzeit sweeps (`services.content.yahrzeit_reminders`);
the yahrzeits themselves are `services.content.yahrzeits`'."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tortoise.queryset import QuerySet

from luach import HebrewDate, HebrewMonth, hebrew_date_of_death, validate_hebrew_date
from models.content import Memorial
from models.webhooks import WebhookEvent
from services.content.holds import hold, save
from services.content.yahrzeit_reminders import ensure_reminders, lock_reminders
from services.infra.problems import Problems
from services.webhooks.endpoints import hears

REMINDER_FIELDS = {"family_email", "hebrew_year", "hebrew_month", "hebrew_day"}
"""Fields whose edit may call for a reminder or an announcement the day's sweep did not send (another edit needs
no sweep)."""
_REASONS = {
    "INVALID_YEAR": ("year", "the Hebrew year is out of range"),
    "INVALID_MONTH": ("month", "that month does not exist in that Hebrew year"),
    "INVALID_DAY": ("day", "that day does not exist in that Hebrew month"),
}


def memorials_in_order() -> QuerySet[Memorial]:
    """The tenant's memorials by name (nothing is read until it is awaited)."""
    return Memorial.all().order_by("name", "id")


def _hebrew(problems: Problems, raw: dict[str, Any]) -> HebrewDate | None:
    try:
        year, month, day = int(raw["year"]), raw["month"], int(raw["day"])
        month = month if isinstance(month, HebrewMonth) else HebrewMonth(str(month).strip().upper())
    except (KeyError, TypeError, ValueError):
        problems.add("hebrewDateOfDeath", "INVALID_DATE", "give day, month and year of a Hebrew date")
        return None
    reason = validate_hebrew_date(year, month, day)
    if reason is not None:
        part, message = _REASONS.get(reason, ("day", "no such Hebrew date"))
        problems.add(f"hebrewDateOfDeath.{part}", "INVALID_DATE", f"{message}: {day} {month.display} {year}")
        return None
    return HebrewDate(year, month, day)


def memorial_values(values: dict[str, Any], current: Memorial | None, today: date) -> tuple[dict[str, Any], Problems]:
    """Model fields from input values (keys: name, hebrew_name, date_of_death, after_sunset,
    hebrew_date_of_death {day, month, year}, plaque, family_email); absent keys keep `current`'s."""
    problems = Problems()
    clean: dict[str, Any] = {}
    if "name" in values or current is None:
        clean["name"] = problems.text("name", values.get("name"), max_length=200, required=True)
    if "hebrew_name" in values:
        clean["hebrew_name"] = problems.text("hebrewName", values["hebrew_name"] or "", max_length=200) or ""
    if "plaque" in values:
        clean["plaque"] = problems.text("plaque", values["plaque"] or "", max_length=100) or ""
    if "family_email" in values:
        clean["family_email"] = problems.email("familyEmail", values["family_email"] or "") or ""
    civil = values.get("date_of_death")
    hebrew = values.get("hebrew_date_of_death")
    after_sunset = bool(values.get("after_sunset", current.after_sunset if current else False))
    if civil is not None and hebrew is not None:
        problems.add("dateOfDeath", "CONFLICT", "give either dateOfDeath or hebrewDateOfDeath, not both")
    elif civil is not None:
        if civil > today:
            problems.add("dateOfDeath", "INVALID_DATE", "the date of death is in the future")
        else:
            death = hebrew_date_of_death(civil, after_sunset)
            clean.update(date_of_death=civil, after_sunset=after_sunset)
            clean.update(hebrew_year=death.year, hebrew_month=death.month.value, hebrew_day=death.day)
    elif hebrew is not None:
        death_h = _hebrew(problems, hebrew)
        if death_h is not None:
            if death_h.to_civil() > today:
                problems.add("hebrewDateOfDeath", "INVALID_DATE", "the date of death is in the future")
            clean.update(date_of_death=None, after_sunset=False)
            clean.update(hebrew_year=death_h.year, hebrew_month=death_h.month.value, hebrew_day=death_h.day)
    elif current is None:
        problems.add("dateOfDeath", "REQUIRED", "give dateOfDeath or hebrewDateOfDeath")
    elif "after_sunset" in values and current.date_of_death is not None:
        death = hebrew_date_of_death(current.date_of_death, after_sunset)
        clean.update(after_sunset=after_sunset)
        clean.update(hebrew_year=death.year, hebrew_month=death.month.value, hebrew_day=death.day)
    return clean, problems


async def create_memorial(
    values: dict[str, Any], today: date, held_until: datetime | None = None
) -> tuple[Memorial | None, Problems]:
    """A new memorial; one `held_until` a havdalah (Shabbat mode) is on the screens' board from then."""
    clean, problems = memorial_values(values, None, today)
    if problems:
        return None, problems
    memorial = await save(Memorial, None, clean, held_until)
    if memorial.family_email or await hears(WebhookEvent.YAHRZEIT_UPCOMING):
        await ensure_reminders()
    return memorial, problems


async def update_memorial(
    memorial: Memorial, values: dict[str, Any], today: date, held_until: datetime | None = None
) -> Problems:
    """Edit a memorial; an edit `held_until` a havdalah (Shabbat mode) shows on the screens from then."""
    clean, problems = memorial_values(values, memorial, today)
    if problems:
        return problems
    await hold([memorial] if clean else [], held_until)
    reminding = bool(clean.keys() & REMINDER_FIELDS) and (
        bool(clean.get("family_email", memorial.family_email)) or await hears(WebhookEvent.YAHRZEIT_UPCOMING)
    )
    if reminding:  # the reminder lock before the memorial row (see lock_reminders)
        await lock_reminders()
    for name, value in clean.items():
        setattr(memorial, name, value)
    if clean:  # only the edited fields: a sweep may have set `reminded_for` since the row was read
        await memorial.save(update_fields=list(clean))
    if reminding:
        await ensure_reminders()
    return problems
