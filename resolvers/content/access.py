"""The one road from an id to a content object, one function per model, on the access kit
(`resolvers.access.fetch`): scoped to the request's synagogue, so a missing id and another synagogue's id look
the same (None), and each refusal is logged once."""

from __future__ import annotations

from typing import TypeVar

from models.base import TenantModel
from models.content import AliyahAssignment, HolidayOverride, Memorial, Message, PrayerTime, TorahClass
from models.media import Media
from models.outbox import Job
from resolvers.access import fetch
from resolvers.outbox.access import access_job
from schema.context import Info

M = TypeVar("M", bound=TenantModel)


async def _own(info: Info, model: type[M], pk: int | None) -> M | None:
    """The row of `model` (whose GraphQL type bears its name) with primary key `pk`, among the request's
    synagogue's."""
    return await fetch(info, model.__name__, pk, model)


async def access_message(info: Info, pk: int | None) -> Message | None:
    return await _own(info, Message, pk)


async def access_memorial(info: Info, pk: int | None) -> Memorial | None:
    return await _own(info, Memorial, pk)


async def access_prayer_time(info: Info, pk: int | None) -> PrayerTime | None:
    return await _own(info, PrayerTime, pk)


async def access_torah_class(info: Info, pk: int | None) -> TorahClass | None:
    return await _own(info, TorahClass, pk)


async def access_aliyah_assignment(info: Info, pk: int | None) -> AliyahAssignment | None:
    return await _own(info, AliyahAssignment, pk)


async def access_holiday_override(info: Info, pk: int | None) -> HolidayOverride | None:
    return await _own(info, HolidayOverride, pk)


async def access_media(info: Info, pk: int | None) -> Media | None:
    return await _own(info, Media, pk)


async def access_memorial_import(info: Info, pk: int | None) -> Job | None:
    """A memorial import is a job of the outbox: read through the outbox's road, of that kind only."""
    return await access_job(info, pk, kind="memorial_import")
