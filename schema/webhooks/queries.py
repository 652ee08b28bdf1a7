"""Webhook queries (ADMIN and above): the synagogue's endpoints and, through them, their deliveries."""

from __future__ import annotations

import strawberry

from models import webhooks as m
from models.identity import Role
from permissions import HasRole
from resolvers.webhooks.access import access_webhook_delivery, access_webhook_endpoint
from schema.context import Info
from schema.relay import Connection, NodeResolver, paginate
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint


async def _endpoint_node(info: Info, pk: int) -> WebhookEndpoint | None:
    from permissions import require_tenant_role

    require_tenant_role(info.context, Role.ADMIN)
    row = await access_webhook_endpoint(info, pk)
    return WebhookEndpoint.of(row) if row else None


async def _delivery_node(info: Info, pk: int) -> WebhookDelivery | None:
    from permissions import require_tenant_role

    require_tenant_role(info.context, Role.ADMIN)
    row = await access_webhook_delivery(info, pk)
    return WebhookDelivery.of(row) if row else None




NODES: dict[str, NodeResolver] = {
    "WebhookEndpoint": _endpoint_node,
    "WebhookDelivery": _delivery_node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[HasRole(Role.ADMIN)], description="Webhook endpoints, newest first.")
    async def webhook_endpoints(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> Connection[WebhookEndpoint] | None:
        return await paginate(info, m.WebhookEndpoint.all().order_by("-id"), first, after, WebhookEndpoint.of)
