"""createWebhookEndpoint: ADMIN and above subscribe a URL to events; the signing secret is shown once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from models.webhooks import WebhookEvent as Event
from permissions import HasRole
from schema.context import Info
from schema.errors import user_errors
from schema.webhooks.inputs import CreateWebhookEndpointInput
from schema.webhooks.payloads import CreateWebhookEndpointPayload
from schema.webhooks.types import WebhookEndpoint
from services.platform import audit
from services.webhooks.endpoints import add_endpoint


@strawberry.type
class CreateWebhookEndpointMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Send this synagogue's events of the given types to a URL. ADMIN and above.",
    )
    async def create_webhook_endpoint(
        self,
        info: Info,
        input: Annotated[CreateWebhookEndpointInput, strawberry.argument(description="The URL and its events.")],
    ) -> CreateWebhookEndpointPayload | None:
        events = [Event[event.name] for event in input.events]
        allow_private = info.context.settings.webhook_allow_private_targets
        new, problems = await add_endpoint(input.url, events, input.description, allow_private=allow_private)
        if new is None:
            return CreateWebhookEndpointPayload(webhook_endpoint=None, secret=None, user_errors=user_errors(problems))
        endpoint = WebhookEndpoint.of(new.endpoint)
        await audit.record(
            info.context, action="webhook_endpoint.create", target_id=str(endpoint.id), url=new.endpoint.url
        )
        return CreateWebhookEndpointPayload(webhook_endpoint=endpoint, secret=new.secret, user_errors=[])
