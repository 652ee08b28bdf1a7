"""Zmanim for the synagogue's location, or for any location given (public, rate-limited by address).

The public form (no credential) is limited per client address by `settings.public_zmanim_rate_limit`
(`limits` notation, moving window, on Redis or in memory). Over the limit it answers `THROTTLED` with
HTTP 429 and `Retry-After`. The limit protects capacity, not a secret: when Redis is down the
request is served.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
from typing import Any

from luach import Location, compute_zmanim
from permissions import CanReadTenant
from resolvers.content import access
from schema.context import Info
from schema.errors import graphql_error
from services.content.schedule import location_of
from services.infra.errors import ErrorCode
from services.infra.problems import Problems
from services.infra.rate_limits import limiter as rate_limiter
from services.infra.rate_limits import rate

log = logging.getLogger("shulgraph.zmanim")


def _location(data: Any) -> Location:
    problems = Problems()
    latitude = problems.coordinate("latitude", data.latitude, 90)
    longitude = problems.coordinate("longitude", data.longitude, 180)
    zone = problems.timezone("timezone", data.timezone)
    elevation = problems.coordinate("elevation", data.elevation, 9000)
    if problems or latitude is None or longitude is None or zone is None or elevation is None:
        first = problems[0]
        raise graphql_error(
            ErrorCode.BAD_USER_INPUT, first.message, argument="location", field=first.field, reason=first.code
        )
    try:
        return Location(latitude, longitude, zone, elevation, bool(data.use_elevation))
    except ValueError as exc:
        raise graphql_error(ErrorCode.BAD_USER_INPUT, str(exc), argument="location", reason="OUT_OF_RANGE") from exc


async def _throttle(info: Info) -> None:
    """Count an anonymous request against its address; refuse it over the limit."""
    context = info.context
    if context.principal.kind != "anonymous":
        return
    limiter = rate_limiter(context.settings.redis_url)
    item = rate(context.settings.public_zmanim_rate_limit)
    address = context.client_ip or "unknown"
    try:
        if await limiter.hit(item, "public-zmanim", address):
            return
        stats = await limiter.get_window_stats(item, "public-zmanim", address)
    except Exception:
        log.warning("public zmanim rate limit not checked", exc_info=True)
        return
    retry_after = max(1, math.ceil(stats.reset_time - time.time()))
    response = context.response
    if response is not None:
        response.status_code = 429
        response.headers["Retry-After"] = str(retry_after)
    raise graphql_error(ErrorCode.THROTTLED, "too many requests from this address", retryAfterSeconds=retry_after)


async def zmanim_for(info: Info, day: dt.date, location: Any) -> Any:
    from schema.content.types import Zmanim

    if location is None:
        CanReadTenant().has_permission(None, info)
        place = location_of(await access.synagogue(info))
    else:
        await _throttle(info)
        place = _location(location)
    return Zmanim(date=day, **compute_zmanim(day, place))
