"""Webhook inputs: what an admin sends to create, change, rotate or delete an endpoint, or redeliver or discard a
delivery."""

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


@strawberry.input(description="Changes to an endpoint; fields left out keep their value.")
class UpdateWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint's global id.")
    url: str | None = strawberry.field(default=None, description="A new http(s) URL on the public internet.")
    events: list[WebhookEvent] | None = strawberry.field(default=None, description="The events to send; at least one.")
    description: str | None = strawberry.field(default=None, description="A new note; at most 200 characters.")
    is_active: bool | None = strawberry.field(
        default=None, description="False disables it (nothing is sent; pending deliveries fail); true enables it."
    )


@strawberry.input(description="The endpoint whose signing secret to replace.")
class RotateWebhookSecretInput:
    id: strawberry.ID = strawberry.field(description="The endpoint's global id.")
    overlap_minutes: int | None = strawberry.field(
        default=None,
        description="How long the current secret keeps signing beside the new one (0 to 43200); null: "
        "WEBHOOK_ROTATION_OVERLAP_MINUTES.",
    )


@strawberry.input(description="A FAILED delivery to send again.")
class RedeliverWebhookDeliveryInput:
    id: strawberry.ID = strawberry.field(description="The delivery's global id.")


@strawberry.input(description="A FAILED delivery to give up on for good.")
class DiscardWebhookDeliveryInput:
    id: strawberry.ID = strawberry.field(description="The delivery's global id.")
