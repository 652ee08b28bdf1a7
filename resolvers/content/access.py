"""The one road from an id to a content object: scoped to the request's tenant, and a missing id and
another tenant's id look the same (None). Denials are logged."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from models.base import current_tenant_id
from models.content import AliyahAssignment, HolidayOverride, Memorial, Message, PrayerTime, TorahClass
from models.outbox import Job
from models.synagogue import Synagogue
from schema.context import Info
from services.infra.ids import decode_id
from services.outbox import queue as job_queue

log = logging.getLogger("shulgraph.access")
M = TypeVar("M")
MAX_PK = 2**31 - 1
"""Ids are 32-bit integer columns; a larger number in a global id names nothing."""


async def _access(info: Info, model: type[M], type_name: str, pk: int | None) -> M | None:
    if pk is None or info.context.tenant_id is None or pk > MAX_PK:
        return None
    row: M | None = await model.filter(id=pk).first()  # type: ignore[attr-defined]
    if row is None:
        log.info("access denied", extra={"type": type_name, "id": pk, "tenant": info.context.tenant_id})
    return row


async def access_message(info: Info, pk: int | None) -> Message | None:
    return await _access(info, Message, "Message", pk)


async def access_memorial(info: Info, pk: int | None) -> Memorial | None:
    return await _access(info, Memorial, "Memorial", pk)


async def access_prayer_time(info: Info, pk: int | None) -> PrayerTime | None:
    return await _access(info, PrayerTime, "PrayerTime", pk)


async def access_torah_class(info: Info, pk: int | None) -> TorahClass | None:
    return await _access(info, TorahClass, "TorahClass", pk)


async def access_aliyah(info: Info, pk: int | None) -> AliyahAssignment | None:
    return await _access(info, AliyahAssignment, "AliyahAssignment", pk)


async def access_override(info: Info, pk: int | None) -> HolidayOverride | None:
    return await _access(info, HolidayOverride, "HolidayOverride", pk)


async def access_import(info: Info, pk: int | None) -> Job | None:
    if pk is None or info.context.tenant_id is None or pk > MAX_PK:
        return None
    job = await job_queue.get_job(pk, kind="memorial_import")
    if job is None:
        log.info("access denied", extra={"type": "MemorialImport", "id": pk, "tenant": info.context.tenant_id})
    return job


async def access_job(info: Info, pk: int | None, kind: str | None = None) -> Job | None:
    """A job of the request's tenant of a kind its staff may follow (`kind`, when the id names one)."""
    from schema.content.jobs import FOLLOWED_KINDS

    job = None
    if pk is not None and info.context.tenant_id is not None and pk <= MAX_PK:
        job = await job_queue.get_job(pk, kind=kind)
    if job is None or job.kind not in FOLLOWED_KINDS:
        log.info("access denied", extra={"type": "Job", "id": pk, "tenant": info.context.tenant_id})
        return None
    return job


async def job_by_global_id(info: Info, global_id: str) -> Job | None:
    from schema.content.jobs import job_pk

    found = job_pk(global_id)
    return await access_job(info, *found) if found else await access_job(info, None)


async def by_global_id(info: Info, global_id: str, type_name: str) -> Any:
    """The object a global id names, through its access function; None when missing or foreign."""
    resolver = {
        "Message": access_message,
        "Memorial": access_memorial,
        "PrayerTime": access_prayer_time,
        "TorahClass": access_torah_class,
        "AliyahAssignment": access_aliyah,
        "HolidayOverride": access_override,
        "MemorialImport": access_import,
    }[type_name]
    return await resolver(info, decode_id(global_id, type_name))


async def synagogue(info: Info) -> Synagogue:
    """The request's synagogue, read once per request."""
    cached: Synagogue | None = info.context.extra.get("content_synagogue")
    if cached is None or cached.id != current_tenant_id():
        cached = await Synagogue.get(id=current_tenant_id())
        info.context.extra["content_synagogue"] = cached
    return cached


async def zone(info: Info) -> ZoneInfo:
    return ZoneInfo((await synagogue(info)).timezone)


async def today(info: Info) -> date:
    """Today by the clock on the synagogue's wall."""
    return datetime.now(await zone(info)).date()
