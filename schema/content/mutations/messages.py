"""createMessage, updateMessage, deleteMessage (EDITOR and above)."""

from __future__ import annotations

import datetime as dt

import strawberry

from models.webhooks import WebhookEvent
from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import CreateMessageInput, UpdateMessageInput, values_of
from schema.content.mutations.common import DeletePayload, changed, errors_of, not_found
from schema.content.types import Message
from schema.context import Info
from schema.errors import UserError
from services.content import messages
from services.webhooks import emit


@strawberry.type
class MessagePayload:
    message: Message | None
    user_errors: list[UserError]


@strawberry.type
class Mutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_message(self, info: Info, input: CreateMessageInput) -> MessagePayload:
        zone = await access.zone(info)
        row, problems = await messages.create_message(values_of(input), zone)
        if row is None:
            return MessagePayload(message=None, user_errors=errors_of(problems))
        message = Message.of(row, zone, dt.datetime.now(dt.UTC))
        await emit(WebhookEvent.MESSAGE_CREATED, {"id": message.id, "title": row.title, "body": row.body})
        await changed(info)
        return MessagePayload(message=message, user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_message(self, info: Info, input: UpdateMessageInput) -> MessagePayload:
        row = await access.by_global_id(info, input.id, "Message")
        if row is None:
            return MessagePayload(message=None, user_errors=not_found())
        zone = await access.zone(info)
        problems = await messages.update_message(row, values_of(input), zone)
        if problems:
            return MessagePayload(message=None, user_errors=errors_of(problems))
        await changed(info)
        return MessagePayload(message=Message.of(row, zone, dt.datetime.now(dt.UTC)), user_errors=[])

    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_message(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "Message")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])
