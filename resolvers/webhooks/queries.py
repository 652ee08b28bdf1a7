"""Webhook queries (ADMIN and above): the synagogue's endpoints (and, through them, their deliveries), and every
delivery with filters."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import webhooks as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.relay import Connection, paginate
from schema.webhooks.enums import WebhookDeliveryStatus, WebhookEvent
from schema.webhooks.types import WebhookDelivery, WebhookEndpoint
from services.infra.ids import decode_id
from services.webhooks.admin import deliveries


@strawberry.type
class WebhooksQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)], description="Webhook endpoints, newest first. ADMIN and above."
    )
    async def webhook_endpoints(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many endpoints, 1 to 100.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the previous page; null for the first.")
        ] = None,
    ) -> Connection[WebhookEndpoint] | None:
        return await paginate(info, m.WebhookEndpoint.all().order_by("-id"), first, after, WebhookEndpoint.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Deliveries to every endpoint of the synagogue, newest first, filtered by what is given. ADMIN "
        "and above.",
    )
    async def webhook_deliveries(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many deliveries, 1 to 100.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the previous page; null for the first.")
        ] = None,
        status: Annotated[
            WebhookDeliveryStatus | None, strawberry.argument(description="Only deliveries in this state.")
        ] = None,
        endpoint_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only deliveries to this endpoint.")
        ] = None,
        event: Annotated[WebhookEvent | None, strawberry.argument(description="Only deliveries of this event.")] = None,
    ) -> Connection[WebhookDelivery]:
        endpoint = None if endpoint_id is None else decode_id(endpoint_id, "WebhookEndpoint") or 0
        rows = deliveries(
            m.DeliveryStatus[status.name] if status else None,
            endpoint,
            m.WebhookEvent[event.name] if event else None,
        )
        return await paginate(info, rows, first, after, WebhookDelivery.of)
