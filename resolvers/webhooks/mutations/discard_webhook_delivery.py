"""discardWebhookDelivery: ADMIN and above give up on a FAILED delivery for good; it stays listed as DISCARDED and
its FAILED jobs go, so no retryJob can send it again. Audited (the entry keeps the event, the delivery id, the
last error and the jobs deleted)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_delivery
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.webhooks.inputs import DiscardWebhookDeliveryInput
from schema.webhooks.payloads import DiscardWebhookDeliveryPayload
from schema.webhooks.types import WebhookDelivery
from services.infra.ids import decode_id, to_global_id
from services.platform import audit
from services.webhooks.admin import discard


@strawberry.type
class DiscardWebhookDeliveryMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Give up on a FAILED delivery: DISCARDED, never sent again, its failed jobs deleted; another "
        "state is CONFLICT. ADMIN and above.",
    )
    async def discard_webhook_delivery(
        self,
        info: Info,
        input: Annotated[DiscardWebhookDeliveryInput, strawberry.argument(description="The delivery.")],
    ) -> DiscardWebhookDeliveryPayload:
        row = await access_webhook_delivery(info, decode_id(input.id, "WebhookDelivery"))
        if row is None:
            return DiscardWebhookDeliveryPayload(webhook_delivery=None, user_errors=not_found_errors())
        jobs, problems = await discard(row)
        if problems:
            return DiscardWebhookDeliveryPayload(webhook_delivery=None, user_errors=user_errors(problems))
        await audit.record(
            info.context,
            action="webhook_delivery.discard",
            target_id=str(input.id),
            event=row.event,
            delivery_id=str(row.delivery_id),
            attempts=row.attempts,
            last_error=row.last_error[:200],
            jobs=[to_global_id("Job", job) for job in jobs],
        )
        return DiscardWebhookDeliveryPayload(webhook_delivery=WebhookDelivery.of(row), user_errors=[])
