"""updateMessage (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_message
from resolvers.content.changes import after_urgent, changed, hold_for
from schema.content.inputs import UpdateMessageInput, values_of
from schema.content.payloads import MessagePayload
from schema.content.types import Message
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_zone
from services.content import messages
from services.infra.ids import decode_id


@strawberry.type
class UpdateMessageMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Change a message (EDITOR and above); fields left out keep their values. In Shabbat mode an "
        "edit made during Shabbat or yom tov is shown from havdalah, unless an ADMIN marks it urgent.",
    )
    async def update_message(
        self, info: Info, input: Annotated[UpdateMessageInput, strawberry.argument(description="The changes.")]
    ) -> MessagePayload:
        row = await access_message(info, decode_id(input.id, "Message"))
        if row is None:
            return MessagePayload(message=None, user_errors=not_found_errors())
        zone = await tenant_zone(info)
        held, problems = await hold_for(info, input.urgent)
        problems = problems or await messages.update_message(row, values_of(input), zone, held)
        if problems:
            return MessagePayload(message=None, user_errors=user_errors(problems))
        await after_urgent(info, input.urgent, input.id)
        await changed(info)
        return MessagePayload(message=Message.of(row, zone, dt.datetime.now(dt.UTC)), user_errors=[])
