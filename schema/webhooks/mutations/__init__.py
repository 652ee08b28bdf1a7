"""Webhook mutations: one module per mutation, merged into the domain's `Mutation`."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.webhooks.mutations.create_webhook_endpoint import CreateWebhookEndpointMutation
from schema.webhooks.mutations.delete_webhook_endpoint import DeleteWebhookEndpointMutation

Mutation = merge_types("WebhooksMutation", (CreateWebhookEndpointMutation, DeleteWebhookEndpointMutation))
