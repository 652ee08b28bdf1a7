"""Messages (announcements). DateTimes are in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from models import content as m
from schema.content.types.common import local
from schema.relay import Connection, Node
from services.content.messages import is_active
from services.infra.ids import to_global_id


@strawberry.type(description="An announcement on the synagogue's screens, shown between startsAt and endsAt.")
class Message(Node):
    id: strawberry.ID = strawberry.field(description="The message's global id.")
    title: str = strawberry.field(description="The headline (at most 200 characters).")
    body: str = strawberry.field(description="The text under the headline; may be empty.")
    priority: int = strawberry.field(description="Higher shows first; equal priorities show newest first.")
    starts_at: dt.datetime | None = strawberry.field(
        description="When it starts showing (the synagogue's time zone); null: already showing."
    )
    ends_at: dt.datetime | None = strawberry.field(
        description="When it stops showing (the synagogue's time zone); null: until deleted."
    )
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


@strawberry.type(description="A page of the synagogue's messages, highest priority first.")
class MessageConnection(Connection[Message]):
    pass
