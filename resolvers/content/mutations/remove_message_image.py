"""removeMessageImage (EDITOR and above): a slide becomes a text message again; the stored image is deleted through
the outbox. A foreign or missing message id is NOT_FOUND alike; a message without an image is answered as it is."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_message
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import RemoveMessageImageInput
from schema.content.payloads import MessagePayload
from schema.content.types import Message
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_zone
from services.content.media import remove_image
from services.infra.ids import decode_id


@strawberry.type
class RemoveMessageImageMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Take its image off a slide (EDITOR and above): the message stays, shown as text, and the stored "
        "image is deleted. " + HELD_EDIT,
    )
    async def remove_message_image(
        self, info: Info, input: Annotated[RemoveMessageImageInput, strawberry.argument(description="The message.")]
    ) -> MessagePayload:
        row = await access_message(info, decode_id(input.message_id, "Message"))
        if row is None:
            return MessagePayload(message=None, user_errors=not_found_errors("messageId"))
        held, problems = await hold_for(info, input.urgent)
        if problems:
            return MessagePayload(message=None, user_errors=user_errors(problems))
        if await remove_image(row, held):
            await done(info, input.urgent, input.message_id)
        return MessagePayload(message=Message.of(row, await tenant_zone(info), dt.datetime.now(dt.UTC)), user_errors=[])
