"""Rounding a moment to a step of minutes on the local wall clock (e.g. "Mincha 10 minutes before
sunset, rounded down to 5 minutes"). Hand-written: no library rule involved.
"""

from __future__ import annotations

import enum
import math
from datetime import UTC, datetime, time, timedelta

__all__ = ["RoundDirection", "round_time"]


class RoundDirection(enum.Enum):
    DOWN = "DOWN"
    UP = "UP"
    NEAREST = "NEAREST"


def round_time(moment: datetime, step_minutes: int, direction: RoundDirection) -> datetime:
    """Round ``moment`` to a multiple of ``step_minutes`` after local midnight.

    ``step_minutes`` 0 means no rounding beyond dropping the seconds (floor to the minute). ``NEAREST``
    rounds halves up. The result keeps ``moment``'s time zone; a wall time that falls in a DST gap is
    normalised to a real instant.
    """
    if isinstance(step_minutes, bool) or not isinstance(step_minutes, int) or not 0 <= step_minutes <= 1440:
        raise ValueError("step_minutes must be an integer from 0 to 1440")
    if step_minutes == 0:
        return moment.replace(second=0, microsecond=0)
    midnight = datetime.combine(moment.date(), time(0), tzinfo=moment.tzinfo)
    wall = moment.replace(tzinfo=None) - midnight.replace(tzinfo=None)
    steps = wall / timedelta(minutes=step_minutes)
    if direction is RoundDirection.DOWN:
        count = math.floor(steps)
    elif direction is RoundDirection.UP:
        count = math.ceil(steps)
    else:
        count = math.floor(steps + 0.5)
    result = midnight + timedelta(minutes=count * step_minutes)
    if result.tzinfo is not None:
        result = result.astimezone(UTC).astimezone(result.tzinfo)
    return result
