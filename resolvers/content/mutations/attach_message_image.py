"""attachMessageImage (EDITOR and above): verify an uploaded image and make the message a slide showing it, with an
optional caption; the slide is scheduled like any message (startsAt, endsAt). A foreign or missing message or media
id is NOT_FOUND alike; an upload that is not an image, too large or a decompression bomb is refused and deleted."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_media, access_message
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import AttachMessageImageInput
from schema.content.payloads import MessagePayload
from schema.content.types import Message
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_zone
from services.content.media import attach_message_image
from services.infra.ids import decode_id


@strawberry.type
class AttachMessageImageMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Make a message a slide: an uploaded image with an optional caption (EDITOR and above). The "
        "server verifies the image, strips its metadata and makes the sizes screens show; a previous image is "
        "deleted. " + HELD_EDIT,
    )
    async def attach_message_image(
        self,
        info: Info,
        input: Annotated[AttachMessageImageInput, strawberry.argument(description="The message and the upload.")],
    ) -> MessagePayload:
        row = await access_message(info, decode_id(input.message_id, "Message"))
        if row is None:
            return MessagePayload(message=None, user_errors=not_found_errors("messageId"))
        media = await access_media(info, decode_id(input.media_id, "Media"))
        held, problems = await hold_for(info, input.urgent)
        problems = problems or await attach_message_image(info.context.settings, media, row, input.caption, held)
        if problems:
            return MessagePayload(message=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.message_id)
        return MessagePayload(message=Message.of(row, await tenant_zone(info), dt.datetime.now(dt.UTC)), user_errors=[])
