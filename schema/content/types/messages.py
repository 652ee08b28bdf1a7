"""Messages (announcements). DateTimes are in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from models import content as m
from schema.content.loaders import held_until_loader, message_image_loader
from schema.content.types.common import HELD_UNTIL, local
from schema.content.types.media import Media
from schema.context import Info
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
    _pk: strawberry.Private[int]

    @strawberry.field(description=HELD_UNTIL)
    async def held_until(self, info: Info) -> dt.datetime | None:
        return await held_until_loader(info, "Message").load(self._pk)

    @strawberry.field(description="The slide's image, when the message is a slide; null: text only.")
    async def image(self, info: Info) -> Media | None:
        row = await message_image_loader(info).load(self._pk)
        return Media.of(row) if row else None

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
            _pk=row.id,
        )


@strawberry.type(description="A page of the synagogue's messages, highest priority first.")
class MessageConnection(Connection[Message]):
    pass
