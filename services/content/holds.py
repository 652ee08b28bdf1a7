"""Content edits held for Shabbat: the row takes the edit at once (the admin app reads it), while the screens keep
showing it as it was (`shown`) until `held_until`, the havdalah, which is also a time boundary of the screen, so the
edit appears then by itself. A row made during Shabbat is not shown before then."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any, TypeVar

from models.content import Memorial, Message

SHOWN_FIELDS: dict[type, tuple[str, ...]] = {
    Message: ("title", "body", "priority", "starts_at", "ends_at"),
    Memorial: ("name", "hebrew_name", "hebrew_year", "hebrew_month", "hebrew_day", "plaque"),
}
_MOMENTS = {"starts_at", "ends_at"}
R = TypeVar("R", Message, Memorial)


def _encode(name: str, value: Any) -> Any:
    return value.isoformat() if name in _MOMENTS and isinstance(value, datetime) else value


def _decode(name: str, value: Any) -> Any:
    return datetime.fromisoformat(value) if name in _MOMENTS and isinstance(value, str) else value


def hold_edit(row: Message | Memorial, until: datetime | None, now: datetime) -> None:
    """Before an edit is applied to `row` (saved by the caller): remember what the screens show, unless the row is
    held already (they still show what they showed before its first held edit, or nothing for a held new row)."""
    if until is None:
        return
    if row.held_until is None or row.held_until <= now:
        row.shown = {name: _encode(name, getattr(row, name)) for name in SHOWN_FIELDS[type(row)]}
    row.held_until = until


def as_shown(row: R, now: datetime) -> R | None:
    """`row` as the screens show it at `now`: itself, a copy with the fields shown before a held edit, or None for a
    row made during the Shabbat that `held_until` ends."""
    if row.held_until is None or row.held_until <= now:
        return row
    if row.shown is None:
        return None
    shown = copy.copy(row)
    for name, value in row.shown.items():
        setattr(shown, name, _decode(name, value))
    return shown
