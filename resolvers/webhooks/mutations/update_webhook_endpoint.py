"""updateWebhookEndpoint: ADMIN and above change an endpoint's URL, events or note, or disable and enable it.
Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from models.webhooks import WebhookEvent as Event
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_endpoint_by_global_id
from schema.context import Info
from schema.errors import user_errors
from schema.webhooks.inputs import UpdateWebhookEndpointInput
from schema.webhooks.payloads import UpdateWebhookEndpointPayload
from schema.webhooks.types import WebhookEndpoint
from services.platform import audit
from services.webhooks.admin import EndpointChanges, update_endpoint
from services.webhooks.endpoints import ENDPOINT_NOT_FOUND


@strawberry.type
class UpdateWebhookEndpointMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Change a webhook endpoint; isActive false disables it, true enables it again. ADMIN and above.",
    )
    async def update_webhook_endpoint(
        self,
        info: Info,
        input: Annotated[UpdateWebhookEndpointInput, strawberry.argument(description="The endpoint and changes.")],
    ) -> UpdateWebhookEndpointPayload:
        row = await access_webhook_endpoint_by_global_id(info, input.id)
        if row is None:
            return UpdateWebhookEndpointPayload(webhook_endpoint=None, user_errors=user_errors([ENDPOINT_NOT_FOUND]))
        changes = EndpointChanges(
            url=input.url,
            events=None if input.events is None else [Event[e.name] for e in input.events],
            description=input.description,
            is_active=input.is_active,
        )
        allow_private = info.context.settings.webhook_allow_private_targets
        problems = await update_endpoint(row, changes, allow_private=allow_private)
        if problems:
            return UpdateWebhookEndpointPayload(webhook_endpoint=None, user_errors=user_errors(problems))
        await audit.record(
            info.context, action="webhook_endpoint.update", target_id=str(input.id), url=row.url, active=row.is_active
        )
        return UpdateWebhookEndpointPayload(webhook_endpoint=WebhookEndpoint.of(row), user_errors=[])
