"""The `node(id:)` road of each of the content domain's Node types."""

from __future__ import annotations

import datetime as dt

from resolvers.content import access
from schema.content.types import (
    AliyahAssignment,
    HolidayOverride,
    Memorial,
    MemorialImport,
    Message,
    PrayerTime,
    TorahClass,
)
from schema.context import Info
from schema.relay import NodeResolver
from schema.synagogue.loaders import tenant_today, tenant_zone


async def _node_message(info: Info, pk: int) -> Message | None:
    row = await access.access_message(info, pk)
    return Message.of(row, await tenant_zone(info), dt.datetime.now(dt.UTC)) if row else None


async def _node_memorial(info: Info, pk: int) -> Memorial | None:
    row = await access.access_memorial(info, pk)
    return Memorial.of(row, await tenant_today(info)) if row else None


async def _node_prayer_time(info: Info, pk: int) -> PrayerTime | None:
    row = await access.access_prayer_time(info, pk)
    return PrayerTime.of(row) if row else None


async def _node_torah_class(info: Info, pk: int) -> TorahClass | None:
    row = await access.access_torah_class(info, pk)
    return TorahClass.of(row) if row else None


async def _node_aliyah_assignment(info: Info, pk: int) -> AliyahAssignment | None:
    row = await access.access_aliyah_assignment(info, pk)
    return AliyahAssignment.of(row) if row else None


async def _node_holiday_override(info: Info, pk: int) -> HolidayOverride | None:
    row = await access.access_holiday_override(info, pk)
    return HolidayOverride.of(row) if row else None


async def _node_memorial_import(info: Info, pk: int) -> MemorialImport | None:
    job = await access.access_memorial_import(info, pk)
    return MemorialImport.of(job, await tenant_zone(info)) if job else None


NODES: dict[str, NodeResolver] = {
    "Message": _node_message,
    "Memorial": _node_memorial,
    "PrayerTime": _node_prayer_time,
    "TorahClass": _node_torah_class,
    "AliyahAssignment": _node_aliyah_assignment,
    "HolidayOverride": _node_holiday_override,
    "MemorialImport": _node_memorial_import,
}
