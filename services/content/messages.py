"""Messages: the list in order, validation, writes, and whether a message is showing at a moment."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.queryset import QuerySet

from models.content import Message
from services.content.holds import save
from services.infra.problems import Problems

FIELDS = ("title", "body", "priority", "starts_at", "ends_at")


def messages_in_order() -> QuerySet[Message]:
    """The tenant's messages, highest priority first, then newest first (nothing is read until it is awaited)."""
    return Message.all().order_by("-priority", "-id")


def localize(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A moment given without an offset is a wall time in the synagogue's zone."""
    if moment is None:
        return None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def is_active(message: Message, now: datetime) -> bool:
    """Showing at `now`: started (or no start) and not yet ended (or no end)."""
    if message.starts_at is not None and now < message.starts_at:
        return False
    return message.ends_at is None or now < message.ends_at


def _validate(values: dict[str, Any], current: Message | None, zone: ZoneInfo) -> tuple[dict[str, Any], Problems]:
    problems = Problems()
    clean: dict[str, Any] = {}
    if "title" in values or current is None:
        clean["title"] = problems.text("title", values.get("title"), max_length=200, required=True)
    if "body" in values:
        clean["body"] = problems.text("body", values["body"] or "", max_length=10_000) or ""
    if "priority" in values:
        clean["priority"] = problems.integer("priority", values["priority"] or 0, -1000, 1000)
    for name in ("starts_at", "ends_at"):
        if name in values:
            clean[name] = localize(values[name], zone)
    start = clean.get("starts_at", current.starts_at if current else None)
    end = clean.get("ends_at", current.ends_at if current else None)
    problems.order("endsAt", start, end)
    return clean, problems


async def create_message(
    values: dict[str, Any], zone: ZoneInfo, held_until: datetime | None = None
) -> tuple[Message | None, Problems]:
    """A new message; one `held_until` a havdalah (Shabbat mode) shows from then."""
    clean, problems = _validate(values, None, zone)
    if problems:
        return None, problems
    return await save(Message, None, clean, held_until), problems


async def update_message(
    message: Message, values: dict[str, Any], zone: ZoneInfo, held_until: datetime | None = None
) -> Problems:
    """Edit a message; an edit `held_until` a havdalah (Shabbat mode) shows on the screens from then."""
    clean, problems = _validate(values, message, zone)
    if not problems:
        await save(Message, message, clean, held_until)
    return problems
