"""The time Shabbat mode and the yahrzeit sweeps decide by: the real clock, or a moment a test pins (the rest
periods follow the sun, so a test of them must name a Friday evening; a sweep's yahrzeits are checked against
hebcal's reference dates, so a test of them must name the day). Nothing else of the product reads this."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

_pinned: list[datetime] = []


def now() -> datetime:
    return _pinned[-1] if _pinned else datetime.now(UTC)


@contextmanager
def pinned(moment: datetime) -> Iterator[None]:
    """Within the block, `now()` is `moment` (tz-aware)."""
    if moment.tzinfo is None:
        raise ValueError("pin a tz-aware moment")
    _pinned.append(moment)
    try:
        yield
    finally:
        _pinned.pop()
