"""redeliverWebhookDelivery: ADMIN and above send a FAILED delivery again, with its delivery id. Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_delivery
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.webhooks.inputs import RedeliverWebhookDeliveryInput
from schema.webhooks.payloads import RedeliverWebhookDeliveryPayload
from schema.webhooks.types import WebhookDelivery
from services.infra.ids import decode_id
from services.platform import audit
from services.webhooks.admin import redeliver


@strawberry.type
class RedeliverWebhookDeliveryMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Send a FAILED delivery again: same deliveryId and body, attempts counting on. ADMIN and above.",
    )
    async def redeliver_webhook_delivery(
        self,
        info: Info,
        input: Annotated[RedeliverWebhookDeliveryInput, strawberry.argument(description="The delivery.")],
    ) -> RedeliverWebhookDeliveryPayload:
        row = await access_webhook_delivery(info, decode_id(input.id, "WebhookDelivery"))
        if row is None:
            return RedeliverWebhookDeliveryPayload(webhook_delivery=None, user_errors=not_found_errors())
        problems = await redeliver(row)
        if problems:
            return RedeliverWebhookDeliveryPayload(webhook_delivery=None, user_errors=user_errors(problems))
        await audit.record(info.context, action="webhook_delivery.redeliver", target_id=str(input.id))
        return RedeliverWebhookDeliveryPayload(webhook_delivery=WebhookDelivery.of(row), user_errors=[])
