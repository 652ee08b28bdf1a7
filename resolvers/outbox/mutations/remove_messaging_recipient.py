"""removeMessagingRecipient: ADMIN and above stop sending alerts to a phone. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.outbox.access import access_recipient
from schema.context import Info
from schema.errors import not_found_errors
from schema.outbox.inputs import RemoveMessagingRecipientInput
from schema.outbox.payloads import RemoveMessagingRecipientPayload
from services.infra.ids import decode_id
from services.platform import audit


@strawberry.type
class RemoveMessagingRecipientMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Remove a recipient of the synagogue's alerts (queued messages to it are not sent). ADMIN and "
        "above.",
    )
    async def remove_messaging_recipient(
        self, info: Info, input: Annotated[RemoveMessagingRecipientInput, strawberry.argument(description="Whom.")]
    ) -> RemoveMessagingRecipientPayload:
        row = await access_recipient(info, decode_id(input.id, "MessagingRecipient"))
        if row is None:
            return RemoveMessagingRecipientPayload(removed_id=None, user_errors=not_found_errors())
        await row.delete()
        await audit.record(info.context, action="messaging.recipient.remove", target_id=str(input.id))
        return RemoveMessagingRecipientPayload(removed_id=input.id, user_errors=[])
