"""`node(id:)` roads of the webhooks domain: endpoints and deliveries, for ADMIN and above of their synagogue."""

from __future__ import annotations

from models.identity import Role
from permissions import require_tenant_role
from resolvers.webhooks.access import access_webhook_delivery, access_webhook_endpoint
from schema.context import Info
from schema.relay import NodeResolver
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint


async def _endpoint_node(info: Info, pk: int) -> WebhookEndpoint | None:
    require_tenant_role(info.context, Role.ADMIN)
    row = await access_webhook_endpoint(info, pk)
    return WebhookEndpoint.of(row) if row else None


async def _delivery_node(info: Info, pk: int) -> WebhookDelivery | None:
    require_tenant_role(info.context, Role.ADMIN)
    row = await access_webhook_delivery(info, pk)
    return WebhookDelivery.of(row) if row else None


NODES: dict[str, NodeResolver] = {
    "WebhookEndpoint": _endpoint_node,
    "WebhookDelivery": _delivery_node,
}
"""The `node(id:)` road of each of this domain's Node types."""
