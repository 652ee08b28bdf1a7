"""Webhook inputs."""

from __future__ import annotations

import strawberry

from schema.webhooks.types import WebhookEvent


@strawberry.input
class CreateWebhookEndpointInput:
    url: str = strawberry.field(description="An http(s) URL on the public internet; redirects are not followed.")
    events: list[WebhookEvent]
    description: str | None = None


@strawberry.input
class DeleteWebhookEndpointInput:
    id: strawberry.ID
