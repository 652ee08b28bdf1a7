"""createMessage (EDITOR and above): the tenant's screens show it within seconds; webhooks get MESSAGE_CREATED."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models.webhooks import WebhookEvent
from permissions import HasRole, Role
from resolvers.content.changes import after_urgent, changed, hold_for
from schema.content.inputs import CreateMessageInput, values_of
from schema.content.payloads import MessagePayload
from schema.content.types import Message
from schema.context import Info
from schema.errors import user_errors
from schema.synagogue.loaders import tenant_zone
from services.content import messages
from services.webhooks.endpoints import emit


@strawberry.type
class CreateMessageMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Post a message (EDITOR and above): the synagogue's screens show it within seconds (in Shabbat "
        "mode, during Shabbat or yom tov: from havdalah, unless an ADMIN marks it urgent), and webhooks get "
        "MESSAGE_CREATED.",
    )
    async def create_message(
        self, info: Info, input: Annotated[CreateMessageInput, strawberry.argument(description="The message to post.")]
    ) -> MessagePayload:
        zone = await tenant_zone(info)
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await messages.create_message(values_of(input), zone, held)
        if row is None:
            return MessagePayload(message=None, user_errors=user_errors(problems))
        message = Message.of(row, zone, dt.datetime.now(dt.UTC))
        await after_urgent(info, input.urgent, message.id)
        await emit(WebhookEvent.MESSAGE_CREATED, {"id": message.id, "title": row.title, "body": row.body})
        await changed(info)
        return MessagePayload(message=message, user_errors=[])
