"""Validation problems, the one road by which every domain's services refuse an input: a field path, a stable
code (a `UserErrorCode` name) and a readable message. The GraphQL layer turns them into a payload's
`userErrors` in one place (`schema.errors.user_errors`).

Validators collect every problem of an input; a write happens only when there is none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from luach import MAX_ZONE_NAME, is_zone_name

MAX_OFFSET_MINUTES = 12 * 60


@dataclass(frozen=True)
class Problem:
    """A rejected input value."""

    field: str | None
    """The input field as a dotted path (`location.latitude`, `allowedDocuments.2`); None for the whole input."""
    code: str
    """A `UserErrorCode` name."""
    message: str
    retry_after: int | None = None
    """Seconds until the same request may succeed (a locked sign-in), when that is known."""


class Problems(list[Problem]):
    """The problems found so far in one input."""

    def add(self, field: str, code: str, message: str) -> None:
        self.append(Problem(field, code, message))

    def text(self, field: str, value: Any, *, max_length: int, required: bool = False) -> str | None:
        """A stripped string within `max_length`; empty is a problem when `required`."""
        if value is None:
            if required:
                self.add(field, "REQUIRED", f"{field} is required")
            return None
        text = str(value).strip()
        if required and not text:
            self.add(field, "REQUIRED", f"{field} must not be empty")
            return None
        if len(text) > max_length:
            self.add(field, "TOO_LONG", f"{field} must be at most {max_length} characters")
            return None
        return text

    def integer(self, field: str, value: Any, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.add(field, "OUT_OF_RANGE", f"{field} must be from {low} to {high}")
            return None
        return value

    def email(self, field: str, value: Any) -> str | None:
        text = self.text(field, value, max_length=254)
        if text and ("@" not in text or text.startswith("@") or text.endswith("@") or " " in text):
            self.add(field, "INVALID", f"{field} is not an e-mail address")
            return None
        return text

    def coordinate(self, field: str, value: Any, limit: float) -> float | None:
        if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
            self.add(field, "INVALID", f"{field} must be a number")
            return None
        if not -limit <= value <= limit:
            self.add(field, "OUT_OF_RANGE", f"{field} must be between {-limit:g} and {limit:g}")
            return None
        return float(value)

    def timezone(self, field: str, value: Any) -> str | None:
        if not is_zone_name(value):
            shown = value[:MAX_ZONE_NAME] if isinstance(value, str) else value
            self.add(field, "INVALID_TIMEZONE", f"unknown time zone {shown!r}")
            return None
        return str(value)

    def order(self, first: str, start: date | datetime | time | None, end: date | datetime | time | None) -> None:
        """`end` must not come before `start` (both given)."""
        if start is not None and end is not None and end < start:  # type: ignore[operator]
            self.add(first, "END_BEFORE_START", f"{first} is before the start")
