"""Scalars: `Time` is HH:MM (Strawberry's `Date` and `DateTime` already speak ISO 8601)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry


def _parse_time(value: object) -> dt.time:
    if not isinstance(value, str):
        raise ValueError("Time must be a string HH:MM")
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"Time must be HH:MM, got {value!r}") from exc
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


TimeHM = strawberry.scalar(
    name="Time",
    description="A wall-clock time, HH:MM (24-hour).",
    serialize=lambda value: value.strftime("%H:%M"),
    parse_value=_parse_time,
)

SCALAR_OVERRIDES: dict[object, Any] = {dt.time: TimeHM}
