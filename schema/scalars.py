"""Scalars, checked at the edge: `Date` is YYYY-MM-DD within the days the calendar answers for, `DateTime` is ISO
8601 with its offset (a naive one would be read in whatever zone the server happens to run in), `Time` is HH:MM.
A value that does not fit is refused while the variables are read (BAD_USER_INPUT), before any resolver runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import dateutil.parser
import strawberry
from strawberry.exceptions import StrawberryInputCoercionError

from luach import FIRST_DAY, LAST_DAY


def _parse_time(value: object) -> dt.time:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(f"Value cannot represent a Time: {value!r}. Expected a string HH:MM.")
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError:
        raise StrawberryInputCoercionError(f"Value cannot represent a Time: {value[:40]!r}: give HH:MM") from None
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


TimeHM = strawberry.scalar(
    name="Time",
    description="A wall-clock time, HH:MM (24-hour).",
    serialize=lambda value: value.strftime("%H:%M"),
    parse_value=_parse_time,
)

def _in_range(day: dt.date, shown: object) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise StrawberryInputCoercionError(
            f"Value cannot represent a Date: {shown!r}: dates from {FIRST_DAY} to {LAST_DAY} are served"
        )


def _parse_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(f"Value cannot represent a Date: {value!r}. Expected a string.")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise StrawberryInputCoercionError(f"Value cannot represent a Date: {value[:40]!r}. {error}") from None
    _in_range(day, value)
    return day


def _parse_datetime(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise StrawberryInputCoercionError(f"Value cannot represent a DateTime: {value!r}. Expected a string.")
    try:
        moment: dt.datetime = dateutil.parser.isoparse(value)
    except (ValueError, OverflowError) as error:
        raise StrawberryInputCoercionError(f"Value cannot represent a DateTime: {value[:40]!r}. {error}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise StrawberryInputCoercionError(
            f"Value cannot represent a DateTime: {value[:40]!r}: give its offset (2030-01-01T10:00:00+02:00 or ...Z)"
        )
    _in_range(moment.date(), value)
    return moment


DateYMD = strawberry.scalar(
    name="Date",
    description="A civil date, YYYY-MM-DD (ISO 8601), from 1900-01-01 to 2200-12-31.",
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_date,
)

DateTimeWithOffset = strawberry.scalar(
    name="DateTime",
    description="A moment, ISO 8601 with its UTC offset (answers are given in the synagogue's time zone).",
    serialize=lambda value: value.isoformat(),
    parse_value=_parse_datetime,
)

SCALAR_OVERRIDES: dict[object, Any] = {dt.time: TimeHM, dt.date: DateYMD, dt.datetime: DateTimeWithOffset}
