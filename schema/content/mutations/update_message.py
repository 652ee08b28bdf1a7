"""updateMessage (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

import datetime as dt

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import UpdateMessageInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import MessagePayload
from schema.content.types import Message
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import messages


@strawberry.type
class UpdateMessageMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_message(self, info: Info, input: UpdateMessageInput) -> MessagePayload:
        row = await access.by_global_id(info, input.id, "Message")
        if row is None:
            return MessagePayload(message=None, user_errors=not_found_errors())
        zone = await access.zone(info)
        problems = await messages.update_message(row, values_of(input), zone)
        if problems:
            return MessagePayload(message=None, user_errors=user_errors(problems))
        await changed(info)
        return MessagePayload(message=Message.of(row, zone, dt.datetime.now(dt.UTC)), user_errors=[])
