"""A place on earth for which zmanim are computed.

Hand-written: only input validation (no library rule involved).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["Location"]


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
        if not isinstance(self.timezone, str) or not self.timezone:
            raise ValueError("timezone must be an IANA time zone name")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone: {self.timezone!r}") from exc

    @cached_property
    def zone(self) -> ZoneInfo:
        """The time zone as a ``ZoneInfo``."""
        return ZoneInfo(self.timezone)
