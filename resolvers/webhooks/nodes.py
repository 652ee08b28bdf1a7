"""`node(id:)` roads of the webhooks domain: endpoints and deliveries, for ADMIN and above of their synagogue (an
endpoint as `webhookEndpoints` lists it; a delivery as its endpoint's deliveries and `webhookDeliveries` do)."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.webhooks.access import access_webhook_delivery, access_webhook_endpoint
from resolvers.webhooks.queries import WebhooksQuery
from schema.context import Info
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint


async def _endpoint_node(info: Info, pk: int) -> WebhookEndpoint | None:
    row = await access_webhook_endpoint(info, pk)
    return WebhookEndpoint.of(row) if row else None


async def _delivery_node(info: Info, pk: int) -> WebhookDelivery | None:
    row = await access_webhook_delivery(info, pk)
    return WebhookDelivery.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "WebhookEndpoint": road(_endpoint_node, (WebhooksQuery, "webhook_endpoints")),
    "WebhookDelivery": road(
        _delivery_node, (WebhooksQuery, "webhook_endpoints"), (WebhooksQuery, "webhook_deliveries")
    ),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
