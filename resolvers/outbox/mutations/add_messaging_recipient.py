"""addMessagingRecipient: ADMIN and above add a phone number for the synagogue's alerts. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.outbox import MessagingChannel
from permissions import HasRole, Role
from schema.context import Info
from schema.errors import user_errors
from schema.outbox.inputs import AddMessagingRecipientInput
from schema.outbox.payloads import MessagingRecipientPayload
from schema.outbox.types import MessagingRecipient
from services.outbox.messaging import add_recipient
from services.platform import audit


@strawberry.type
class AddMessagingRecipientMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Send the synagogue's alerts to a phone by SMS or WhatsApp (stored in E.164). ADMIN and above.",
    )
    async def add_messaging_recipient(
        self,
        info: Info,
        input: Annotated[AddMessagingRecipientInput, strawberry.argument(description="The number and channel.")],
    ) -> MessagingRecipientPayload:
        channel = MessagingChannel[input.channel.name]
        row, problems = await add_recipient(input.name, input.phone, channel, input.region)
        if row is None:
            return MessagingRecipientPayload(recipient=None, user_errors=user_errors(problems))
        shown = MessagingRecipient.of(row)
        await audit.record(info.context, action="messaging.recipient.add", target_id=str(shown.id))
        return MessagingRecipientPayload(recipient=shown, user_errors=[])
