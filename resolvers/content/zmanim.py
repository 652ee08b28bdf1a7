"""Zmanim for the synagogue's location, or for any location given (public, rate-limited by address)."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from luach import Location, compute_zmanim
from permissions import CanReadTenant
from resolvers.content import access
from schema.context import Info
from schema.errors import graphql_error
from services.content.problems import Problems
from services.content.schedule import location_of
from services.errors import ErrorCode, Unavailable

PUBLIC_REQUESTS_PER_MINUTE = 120


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
    context = info.context
    if context.principal.kind != "anonymous":
        return
    window = int(time.time() // 60)
    try:
        count = await context.kv.incr(f"rl:zmanim:{context.client_ip}:{window}", 60)
    except Unavailable:
        return
    if count > PUBLIC_REQUESTS_PER_MINUTE:
        raise graphql_error(ErrorCode.THROTTLED, "too many requests", retryAfterSeconds=60 - int(time.time() % 60))


async def zmanim_for(info: Info, day: dt.date, location: Any) -> Any:
    from schema.content.types import Zmanim

    if location is None:
        CanReadTenant().has_permission(None, info)
        place = location_of(await access.synagogue(info))
    else:
        await _throttle(info)
        place = _location(location)
    return Zmanim(date=day, **compute_zmanim(day, place))
