"""Webhook payloads: what the webhook mutations answer."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint


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


@strawberry.type(description="The answer of updateWebhookEndpoint.")
class UpdateWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None = strawberry.field(
        description="The endpoint as stored; null when `userErrors` is not empty."
    )
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed; empty on success.")


@strawberry.type(description="The answer of rotateWebhookSecret: the new secret, shown once.")
class RotateWebhookSecretPayload:
    webhook_endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint; null on userErrors.")
    secret: str | None = strawberry.field(description="The new signing secret (`whsec_...`): shown here once.")
    user_errors: list[UserError] = strawberry.field(description="Why nothing was changed; empty on success.")


@strawberry.type(description="The answer of redeliverWebhookDelivery.")
class RedeliverWebhookDeliveryPayload:
    webhook_delivery: WebhookDelivery | None = strawberry.field(
        description="The delivery, PENDING again with the same deliveryId; null on userErrors."
    )
    user_errors: list[UserError] = strawberry.field(
        description="`id` NOT_FOUND (missing or another synagogue's) or CONFLICT (not FAILED)."
    )


@strawberry.type(description="The answer of discardWebhookDelivery.")
class DiscardWebhookDeliveryPayload:
    webhook_delivery: WebhookDelivery | None = strawberry.field(
        description="The delivery, now DISCARDED (never sent again); null on userErrors."
    )
    user_errors: list[UserError] = strawberry.field(
        description="`id` NOT_FOUND (missing or another synagogue's) or CONFLICT (not FAILED)."
    )
