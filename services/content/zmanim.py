"""Zmanim for any place: the place a client gives checked, and the budget of anonymous asks per client address.

Zmanim of a place given by the client need no credential, so they are limited per client address by
`settings.public_zmanim_rate_limit` (`limits` notation, moving window, on Redis or in memory). The limit
protects capacity, not a secret: when it cannot be checked (Redis down) the request is served.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

from config import Settings
from luach import Location
from services.infra.errors import ServiceError
from services.infra.problems import Problems
from services.infra.rate_limits import limiter as rate_limiter
from services.infra.rate_limits import rate

log = logging.getLogger("shulgraph.zmanim")


def place_of(values: dict[str, Any]) -> Location:
    """The place of a client's `location` argument (keys: latitude, longitude, timezone, elevation,
    use_elevation); a bad value is refused (BAD_USER_INPUT on `location`, with the field and the reason)."""
    problems = Problems()
    latitude = problems.coordinate("latitude", values.get("latitude"), 90)
    longitude = problems.coordinate("longitude", values.get("longitude"), 180)
    zone = problems.timezone("timezone", values.get("timezone"))
    elevation = problems.coordinate("elevation", values.get("elevation"), 9000)
    if problems or latitude is None or longitude is None or zone is None or elevation is None:
        first = problems[0]
        raise ServiceError(first.message, argument="location", field=first.field, reason=first.code)
    try:
        return Location(latitude, longitude, zone, elevation, bool(values.get("use_elevation")))
    except ValueError as exc:
        raise ServiceError(str(exc), argument="location", reason="OUT_OF_RANGE") from exc


async def public_retry_after(settings: Settings, address: str) -> int | None:
    """Count one anonymous ask from `address`: None while it is within the limit (or when the limit cannot be
    checked), else the seconds until it may ask again."""
    limiter = rate_limiter(settings.redis_url)
    item = rate(settings.public_zmanim_rate_limit)
    try:
        if await limiter.hit(item, "public-zmanim", address):
            return None
        stats = await limiter.get_window_stats(item, "public-zmanim", address)
    except Exception:
        log.warning("public zmanim rate limit not checked", exc_info=True)
        return None
    return max(1, math.ceil(stats.reset_time - time.time()))
