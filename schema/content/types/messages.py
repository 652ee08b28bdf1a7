"""Messages (announcements). DateTimes are in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from models import content as m
from schema.content.types.common import local
from schema.relay import Node
from services.content.messages import is_active
from services.infra.ids import to_global_id


@strawberry.type
class Message(Node):
    id: strawberry.ID
    title: str
    body: str
    priority: int
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    is_active: bool = strawberry.field(description="Showing now, by the clock.")

    @classmethod
    def of(cls, row: m.Message, zone: ZoneInfo, now: dt.datetime) -> Message:
        return cls(
            id=strawberry.ID(to_global_id("Message", row.id)),
            title=row.title,
            body=row.body,
            priority=row.priority,
            starts_at=local(row.starts_at, zone),
            ends_at=local(row.ends_at, zone),
            is_active=is_active(row, now),
        )
