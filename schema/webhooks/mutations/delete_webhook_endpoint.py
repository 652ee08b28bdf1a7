"""deleteWebhookEndpoint: ADMIN and above remove an endpoint; its pending deliveries are dropped."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_endpoint_by_global_id
from schema.context import Info
from schema.errors import UserError, UserErrorCode, user_error
from schema.webhooks.inputs import DeleteWebhookEndpointInput
from services.platform import audit


@strawberry.type
class DeleteWebhookEndpointPayload:
    deleted_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class DeleteWebhookEndpointMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.ADMIN)], description="Delete a webhook endpoint.")
    async def delete_webhook_endpoint(
        self, info: Info, input: DeleteWebhookEndpointInput
    ) -> DeleteWebhookEndpointPayload | None:
        row = await access_webhook_endpoint_by_global_id(info, input.id)
        if row is None:
            return DeleteWebhookEndpointPayload(
                deleted_id=None, user_errors=[user_error("id", UserErrorCode.NOT_FOUND, "webhook endpoint not found")]
            )
        await row.delete()
        await audit.record(info.context, action="webhook_endpoint.delete", target_id=str(input.id))
        return DeleteWebhookEndpointPayload(deleted_id=input.id, user_errors=[])
