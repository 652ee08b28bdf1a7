"""Webhook inputs: what an admin sends to create or delete an endpoint."""

from __future__ import annotations

import strawberry

from schema.webhooks.enums import WebhookEvent


@strawberry.input(description="A new webhook endpoint of this synagogue.")
class CreateWebhookEndpointInput:
    url: str = strawberry.field(description="An http(s) URL on the public internet; redirects are not followed.")
    events: list[WebhookEvent] = strawberry.field(description="The events to send to it; at least one.")
    description: str | None = strawberry.field(
        default=None, description="A note for the admins on what it is for; at most 200 characters."
    )


@strawberry.input(description="The endpoint to delete.")
class DeleteWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint's global id.")
