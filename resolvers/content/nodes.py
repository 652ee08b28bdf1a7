"""The `node(id:)` road of each of the content domain's Node types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TypeVar

from models.media import MediaKind, MediaStatus
from resolvers.access import NodeRoad, admits, road
from resolvers.content import access
from resolvers.content.queries import ContentQuery
from resolvers.devices.queries import DevicesQuery
from schema.content.types import (
    AliyahAssignment,
    HolidayOverride,
    Media,
    Memorial,
    MemorialImport,
    Message,
    PrayerTime,
    TorahClass,
)
from schema.context import Info
from schema.relay import Node, NodeResolver
from schema.synagogue.loaders import tenant_today, tenant_zone

R = TypeVar("R")


def _plain(find: Callable[[Info, int | None], Awaitable[R | None]], view: Callable[[R], Node]) -> NodeResolver:
    """The road of a type whose view needs nothing but its row: `find` it (an access function), then `view` it."""

    async def resolve(info: Info, pk: int) -> Node | None:
        row = await find(info, pk)
        return view(row) if row else None

    return resolve


async def _node_message(info: Info, pk: int) -> Message | None:
    row = await access.access_message(info, pk)
    return Message.of(row, await tenant_zone(info), dt.datetime.now(dt.UTC)) if row else None


async def _node_memorial(info: Info, pk: int) -> Memorial | None:
    row = await access.access_memorial(info, pk)
    return Memorial.of(row, await tenant_today(info)) if row else None


async def _node_memorial_import(info: Info, pk: int) -> MemorialImport | None:
    job = await access.access_memorial_import(info, pk)
    return MemorialImport.of(job, await tenant_zone(info)) if job else None


SCREENSHOTS = road(_plain(access.access_media, Media.of), (DevicesQuery, "devices"))
"""Screenshots are read on devices and their commands: only the callers `devices` admits see one."""


async def _node_media(info: Info, pk: int) -> Media | None:
    """An image as the fields that show one list it: verified and attached to a memorial, a message or a command
    (an upload in flight is seen only in its upload's payload, by its uploader)."""
    row = await access.access_media(info, pk)
    if row is None or row.status != MediaStatus.READY or not (row.memorial_id or row.message_id or row.command_id):
        return None
    if row.kind == MediaKind.SCREENSHOT and not await admits(info, SCREENSHOTS):
        return None
    return Media.of(row)


NODES: dict[str, NodeRoad] = {
    "Message": road(_node_message, (ContentQuery, "messages")),
    "Memorial": road(_node_memorial, (ContentQuery, "memorials")),
    "PrayerTime": road(_plain(access.access_prayer_time, PrayerTime.of), (ContentQuery, "prayer_times")),
    "TorahClass": road(_plain(access.access_torah_class, TorahClass.of), (ContentQuery, "torah_classes")),
    "AliyahAssignment": road(
        _plain(access.access_aliyah_assignment, AliyahAssignment.of), (ContentQuery, "aliyah_assignments")
    ),
    "HolidayOverride": road(
        _plain(access.access_holiday_override, HolidayOverride.of), (ContentQuery, "holiday_overrides")
    ),
    "MemorialImport": road(_node_memorial_import, (ContentQuery, "memorial_import")),
    "Media": road(_node_media, (ContentQuery, "memorials"), (ContentQuery, "messages"), (DevicesQuery, "devices")),
}
