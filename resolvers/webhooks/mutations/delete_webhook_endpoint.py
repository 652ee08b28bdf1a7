"""deleteWebhookEndpoint: ADMIN and above remove an endpoint; its pending deliveries are dropped."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_endpoint_by_global_id
from schema.context import Info
from schema.errors import user_errors
from schema.webhooks.inputs import DeleteWebhookEndpointInput
from schema.webhooks.payloads import DeleteWebhookEndpointPayload
from services.platform import audit
from services.webhooks.endpoints import ENDPOINT_NOT_FOUND, delete_endpoint


@strawberry.type
class DeleteWebhookEndpointMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Delete a webhook endpoint; its pending deliveries are never sent. ADMIN and above.",
    )
    async def delete_webhook_endpoint(
        self,
        info: Info,
        input: Annotated[DeleteWebhookEndpointInput, strawberry.argument(description="The endpoint to delete.")],
    ) -> DeleteWebhookEndpointPayload | None:
        row = await access_webhook_endpoint_by_global_id(info, input.id)
        if row is None:
            return DeleteWebhookEndpointPayload(deleted_id=None, user_errors=user_errors([ENDPOINT_NOT_FOUND]))
        await delete_endpoint(row)
        await audit.record(info.context, action="webhook_endpoint.delete", target_id=str(input.id))
        return DeleteWebhookEndpointPayload(deleted_id=input.id, user_errors=[])
