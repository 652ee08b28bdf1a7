"""Solar events (sunrise, sunset, the sun at N degrees below the horizon) for a day and place.

The astronomy is the NOAA algorithm of the ``zmanim`` package (the Python port of KosherJava, which is
also what @hebcal/core's zmanim are ported from); measured against ../shared/reference/zmanim-hebcal.json
it agrees with hebcal to within one second. ``astral`` was measured too and is 10-16 s off hebcal (a
different refraction model), so it is not used.

Hand-written here: only the glue that KosherJava's ``AstronomicalCalendar`` does around the calculator
(turning "hours after UTC midnight" into a moment on the right civil day, and the antimeridian shift),
done with ``zoneinfo`` instead of that package's dateutil-and-``datetime.now()`` variant. An event that
does not occur (polar day or night, or the sun never reaching the depression) is ``None``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, Final

from zmanim.util.geo_location import GeoLocation
from zmanim.util.noaa_calculator import NOAACalculator

from luach.location import Location

__all__ = ["GEOMETRIC_ZENITH", "sun_event"]

GEOMETRIC_ZENITH: Final = 90.0
_CALCULATOR: Final[Any] = NOAACalculator()


@lru_cache(maxsize=256)
def _geo(latitude: float, longitude: float, elevation: float) -> Any:
    # The calculator reads only latitude, longitude and elevation; the zone given here is never used.
    # KosherJava refuses negative elevations (e.g. the Dead Sea); they count as sea level.
    return GeoLocation("luach", latitude, longitude, "UTC", max(0.0, elevation))


def _standard_offset_hours(location: Location, day: date) -> float:
    noon = datetime.combine(day, time(12), tzinfo=location.zone)
    offset = noon.utcoffset() or timedelta(0)
    dst = noon.dst() or timedelta(0)
    return (offset - dst).total_seconds() / 3600.0


@lru_cache(maxsize=8192)
def sun_event(day: date, location: Location, zenith: float, rising: bool, elevated: bool) -> datetime | None:
    """The moment (UTC, whole milliseconds dropped) the sun's centre reaches ``zenith`` degrees on ``day``.

    ``zenith`` 90 is sunrise/sunset proper (refraction and the solar radius are added by the calculator,
    plus the elevation's horizon dip when ``elevated``); 90 + N is the sun N degrees below the horizon.
    """
    lmt_hours = location.longitude / 15.0
    # KosherJava's antimeridian adjustment: a zone a day away from local mean time computes the next/previous day.
    local_hours_offset = lmt_hours - _standard_offset_hours(location, day)
    calc_day = day
    if local_hours_offset >= 20:
        calc_day = day + timedelta(days=1)
    elif local_hours_offset <= -20:
        calc_day = day - timedelta(days=1)
    geo = _geo(location.latitude, location.longitude, location.elevation)
    calc = _CALCULATOR.utc_sunrise if rising else _CALCULATOR.utc_sunset
    hours: float | None = calc(calc_day, geo, zenith, adjust_for_elevation=elevated)
    if hours is None:
        return None
    moment = datetime.combine(calc_day, time(0), tzinfo=UTC) + timedelta(hours=hours)
    if rising and hours + lmt_hours > 18:
        moment -= timedelta(days=1)  # a sunrise after 6 pm local mean time belongs to the UTC day before
    elif not rising and hours + lmt_hours < 6:
        moment += timedelta(days=1)  # a sunset before 6 am local mean time belongs to the UTC day after
    return moment
