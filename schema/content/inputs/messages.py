"""Inputs of messages (announcements). A time without an offset is a wall time in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import UNSET

from schema.content.inputs.media import URGENT

_TITLE = "The headline, 1 to 200 characters."
_BODY = "The text under the headline, at most 10,000 characters."
_PRIORITY = "Higher shows first, -1000 to 1000."
_STARTS_AT = "When it starts showing; null: at once."
_ENDS_AT = "When it stops showing, not before startsAt; null: until deleted."


@strawberry.input(description="A new message; the synagogue's screens show it within seconds.")
class CreateMessageInput:
    title: str = strawberry.field(description=_TITLE)
    body: str = strawberry.field(default="", description=_BODY)
    priority: int = strawberry.field(default=0, description=_PRIORITY)
    starts_at: dt.datetime | None = strawberry.field(default=UNSET, description=_STARTS_AT)
    ends_at: dt.datetime | None = strawberry.field(default=UNSET, description=_ENDS_AT)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Changes to a message; fields left out keep their values.")
class UpdateMessageInput:
    id: strawberry.ID = strawberry.field(description="The message's global id.")
    title: str | None = strawberry.field(default=UNSET, description=_TITLE)
    body: str | None = strawberry.field(default=UNSET, description=_BODY)
    priority: int | None = strawberry.field(default=UNSET, description=_PRIORITY)
    starts_at: dt.datetime | None = strawberry.field(default=UNSET, description=_STARTS_AT)
    ends_at: dt.datetime | None = strawberry.field(default=UNSET, description=_ENDS_AT)
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Make a message a slide: an uploaded image (MESSAGE_IMAGE) with an optional caption.")
class AttachMessageImageInput:
    message_id: strawberry.ID = strawberry.field(description="The message's global id.")
    media_id: strawberry.ID = strawberry.field(description="The upload's media id (from createUpload), once uploaded.")
    caption: str | None = strawberry.field(default=None, description="A caption under the image, at most 300 chars.")
    urgent: bool = strawberry.field(default=False, description=URGENT)


@strawberry.input(description="Take its image off a slide: the message stays, shown as text.")
class RemoveMessageImageInput:
    message_id: strawberry.ID = strawberry.field(description="The message's global id.")
    urgent: bool = strawberry.field(default=False, description=URGENT)
