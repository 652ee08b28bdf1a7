"""A place on earth for which zmanim are computed.

Hand-written: only input validation (no library rule involved).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, cached_property
from zoneinfo import ZoneInfo, available_timezones

__all__ = ["MAX_ZONE_NAME", "Location", "is_zone_name"]

MAX_ZONE_NAME = 64
"""The longest IANA time zone name is 32 characters; a longer string is not a name worth looking up."""


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def is_zone_name(name: object) -> bool:
    """Whether `name` is an IANA time zone name known to the tz database (checked without opening a file, so a
    name that is a path or absurdly long is simply not one)."""
    return isinstance(name, str) and 0 < len(name) <= MAX_ZONE_NAME and name in _zone_names()


@dataclass(frozen=True)
class Location:
    """Latitude/longitude in degrees (north and east positive), an IANA time zone, elevation in metres.

    ``use_elevation`` makes sunrise and sunset (and the zmanim built on them) use the elevation, as
    @hebcal/core's ``Zmanim(useElevation=true)`` does; degree-based zmanim never use it.
    Bad input raises ``ValueError`` with a clear message.
    """

    latitude: float
    longitude: float
    timezone: str
    elevation: float = 0.0
    use_elevation: bool = False

    def __post_init__(self) -> None:
        if not (isinstance(self.latitude, int | float) and math.isfinite(self.latitude)):
            raise ValueError("latitude must be a finite number")
        if not -90.0 <= self.latitude <= 90.0:
            raise ValueError("latitude must be between -90 and 90")
        if not (isinstance(self.longitude, int | float) and math.isfinite(self.longitude)):
            raise ValueError("longitude must be a finite number")
        if not -180.0 <= self.longitude <= 180.0:
            raise ValueError("longitude must be between -180 and 180")
        if not (isinstance(self.elevation, int | float) and math.isfinite(self.elevation)):
            raise ValueError("elevation must be a finite number")
        if not -500.0 <= self.elevation <= 9000.0:
            raise ValueError("elevation must be between -500 and 9000 metres")
        if not is_zone_name(self.timezone):
            shown = self.timezone[:MAX_ZONE_NAME] if isinstance(self.timezone, str) else self.timezone
            raise ValueError(f"timezone must be a known IANA time zone name (such as America/Chicago), not {shown!r}")

    @cached_property
    def zone(self) -> ZoneInfo:
        """The time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.timezone)
