"""Webhook payloads: what createWebhookEndpoint and deleteWebhookEndpoint answer."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from schema.webhooks.types import WebhookEndpoint


@strawberry.type(description="The answer of createWebhookEndpoint: the endpoint and its secret, or why not.")
class CreateWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None = strawberry.field(
        description="The new endpoint; null when `userErrors` is not empty."
    )
    secret: str | None = strawberry.field(
        description="The signing secret (`whsec_...`): shown here once, never again."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why the endpoint was not created (`url`, `events` or `description`)."
    )


@strawberry.type(description="The answer of deleteWebhookEndpoint.")
class DeleteWebhookEndpointPayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The global id of the deleted endpoint; null when nothing was deleted."
    )
    user_errors: list[UserError] = strawberry.field(
        description="`id` NOT_FOUND when the endpoint is missing or not this synagogue's."
    )
