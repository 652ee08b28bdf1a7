"""The civil-date ranges that content lists take (`from`..`to`: the yahrzeit board, aliyah assignments, holiday
overrides): both ends included, `to` not before `from`, and at most `MAX_RANGE_DAYS` apart, so that one request
reads a bounded stretch of the calendar."""

from __future__ import annotations

from datetime import date

from services.infra.errors import ServiceError

MAX_RANGE_DAYS = 400


def check_range(start: date, end: date) -> None:
    """Refuse (BAD_USER_INPUT on the `to` argument) a range that ends before it starts or is too long."""
    if end < start:
        raise ServiceError("`to` is before `from`", argument="to")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ServiceError(f"at most {MAX_RANGE_DAYS} days", argument="to")
