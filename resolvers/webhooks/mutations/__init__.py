"""Webhook mutations: one module per mutation, merged into the domain's `WebhooksMutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.webhooks.mutations.create_webhook_endpoint import CreateWebhookEndpointMutation
from resolvers.webhooks.mutations.delete_webhook_endpoint import DeleteWebhookEndpointMutation
from resolvers.webhooks.mutations.discard_webhook_delivery import DiscardWebhookDeliveryMutation
from resolvers.webhooks.mutations.redeliver_webhook_delivery import RedeliverWebhookDeliveryMutation
from resolvers.webhooks.mutations.rotate_webhook_secret import RotateWebhookSecretMutation
from resolvers.webhooks.mutations.update_webhook_endpoint import UpdateWebhookEndpointMutation

WebhooksMutation = merge_types(
    "WebhooksMutation",
    (
        CreateWebhookEndpointMutation,
        UpdateWebhookEndpointMutation,
        RotateWebhookSecretMutation,
        DeleteWebhookEndpointMutation,
        RedeliverWebhookDeliveryMutation,
        DiscardWebhookDeliveryMutation,
    ),
)
