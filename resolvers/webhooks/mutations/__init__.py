"""Webhook mutations: one module per mutation, merged into the domain's `WebhooksMutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from resolvers.webhooks.mutations.create_webhook_endpoint import CreateWebhookEndpointMutation
from resolvers.webhooks.mutations.delete_webhook_endpoint import DeleteWebhookEndpointMutation

WebhooksMutation = merge_types("WebhooksMutation", (CreateWebhookEndpointMutation, DeleteWebhookEndpointMutation))
