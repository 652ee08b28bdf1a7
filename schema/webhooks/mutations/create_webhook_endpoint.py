"""createWebhookEndpoint: ADMIN and above subscribe a URL to events; the signing secret is shown once."""

from __future__ import annotations

import strawberry

from models.identity import Role
from models.webhooks import WebhookEvent as Event
from permissions import HasRole
from schema.context import Info
from schema.errors import UserError, UserErrorCode, user_error
from schema.webhooks.inputs import CreateWebhookEndpointInput
from schema.webhooks.types import WebhookEndpoint
from services.platform import audit
from services.webhooks.endpoints import create_endpoint
from services.webhooks.targets import RefusedTarget, check_target

MAX_DESCRIPTION_LENGTH = 200


@strawberry.type
class CreateWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None
    secret: str | None = strawberry.field(
        description="The signing secret (`whsec_...`): shown here once, never again."
    )
    user_errors: list[UserError]


@strawberry.type
class CreateWebhookEndpointMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Send this synagogue's events of the given types to a URL.",
    )
    async def create_webhook_endpoint(
        self, info: Info, input: CreateWebhookEndpointInput
    ) -> CreateWebhookEndpointPayload | None:
        errors: list[UserError] = []
        url = input.url.strip()
        description = (input.description or "").strip()
        if not url:
            errors.append(user_error("url", UserErrorCode.REQUIRED, "a URL is needed"))
        else:
            try:
                await check_target(url, info.context.settings.webhook_allow_private_targets)
            except RefusedTarget as error:
                errors.append(user_error("url", UserErrorCode.INVALID, str(error)))
        if not input.events:
            errors.append(user_error("events", UserErrorCode.REQUIRED, "subscribe to at least one event"))
        if len(description) > MAX_DESCRIPTION_LENGTH:
            errors.append(
                user_error("description", UserErrorCode.TOO_LONG, f"at most {MAX_DESCRIPTION_LENGTH} characters")
            )
        if errors:
            return CreateWebhookEndpointPayload(webhook_endpoint=None, secret=None, user_errors=errors)
        events = [Event(event.value) for event in input.events]
        row, secret = await create_endpoint(url, events, description)
        endpoint = WebhookEndpoint.of(row)
        await audit.record(info.context, action="webhook_endpoint.create", target_id=str(endpoint.id), url=url)
        return CreateWebhookEndpointPayload(webhook_endpoint=endpoint, secret=secret, user_errors=[])
