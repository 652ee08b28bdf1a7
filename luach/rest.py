"""Shabbat and yom tov rest: whether a moment falls between candle lighting and havdalah, and when it ends.

Hand-written: the times are the synagogue's own (candle lighting and havdalah as `luach.candles` computes them,
or as the synagogue fixed them), given as events; a rest begins at a candle lighting and lasts until the next
havdalah, across a yom tov that runs into Shabbat (whose second candle lighting, after nightfall, ends nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["RestEvent", "rest_until"]


@dataclass(frozen=True)
class RestEvent:
    """A candle lighting (`lights`: a rest begins) or a havdalah (a rest ends) at `at` (tz-aware)."""

    at: datetime
    lights: bool


def rest_until(now: datetime, events: list[RestEvent]) -> datetime | None:
    """The havdalah that ends the rest `now` falls in; None when `now` is not in a rest (or, where the sun
    gives no havdalah, none is known)."""
    past = [event for event in events if event.at <= now]
    if not past or not max(past, key=lambda event: event.at).lights:
        return None
    endings = [event.at for event in events if event.at > now and not event.lights]
    return min(endings, default=None)
