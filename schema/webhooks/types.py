"""Webhook types: a synagogue's endpoints and the deliveries of its events to them."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Annotated

import strawberry

from models import webhooks as m
from schema.context import Info
from schema.relay import Connection, Node, connection_from_page, page_start
from schema.webhooks.enums import WebhookDeliveryStatus, WebhookEvent
from schema.webhooks.loaders import delivery_count_loader, delivery_page_loader
from services.infra.ids import to_global_id


@strawberry.type(description="One event sent to an endpoint; every attempt carries the same `deliveryId`.")
class WebhookDelivery(Node):
    id: strawberry.ID = strawberry.field(description="The delivery's global id.")
    delivery_id: str = strawberry.field(description="The `webhook-id` header of every attempt.")
    event: WebhookEvent = strawberry.field(description="What the delivery announces.")
    status: WebhookDeliveryStatus = strawberry.field(description="Sent, still trying, given up, or discarded.")
    attempts: int = strawberry.field(description="How many times it was sent so far (at most 15).")
    last_status_code: int | None = strawberry.field(
        description="The HTTP status of the last attempt; null before the first or when no answer came."
    )
    last_error: str | None = strawberry.field(
        description="Why the last attempt failed (timeout, refused address, the start of an error answer); "
        "null before the first attempt and after a success."
    )
    endpoint_id: strawberry.ID = strawberry.field(description="The global id of the endpoint it goes to.")
    created_at: datetime = strawberry.field(description="When the event happened and was queued (UTC).")
    delivered_at: datetime | None = strawberry.field(
        description="When the endpoint accepted it (UTC); null until then."
    )

    @classmethod
    def of(cls, row: m.WebhookDelivery) -> WebhookDelivery:
        return cls(
            id=strawberry.ID(to_global_id("WebhookDelivery", row.id)),
            delivery_id=str(row.delivery_id),
            event=WebhookEvent(row.event),
            status=WebhookDeliveryStatus(row.status),
            attempts=row.attempts,
            last_status_code=row.last_status_code,
            last_error=row.last_error or None,
            endpoint_id=strawberry.ID(to_global_id("WebhookEndpoint", row.endpoint_id)),
            created_at=row.created_at,
            delivered_at=row.delivered_at,
        )


@strawberry.type(description="A URL that receives this synagogue's events, signed per Standard Webhooks.")
class WebhookEndpoint(Node):
    id: strawberry.ID = strawberry.field(description="The endpoint's global id.")
    url: str = strawberry.field(description="Where events are POSTed; redirects are not followed.")
    description: str = strawberry.field(description="The admins' note on what the endpoint is for; may be empty.")
    events: list[WebhookEvent] = strawberry.field(description="The events sent to it.")
    is_active: bool = strawberry.field(description="False: no events are sent to it.")
    created_at: datetime = strawberry.field(description="When an admin created it (UTC).")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="Until when the secret before the last rotation still signs beside the new one; null: it no "
        "longer does."
    )
    _pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.WebhookEndpoint) -> WebhookEndpoint:
        return cls(
            id=strawberry.ID(to_global_id("WebhookEndpoint", row.id)),
            url=row.url,
            description=row.description,
            events=[WebhookEvent(e) for e in row.events if e in WebhookEvent.__members__],
            is_active=row.is_active,
            created_at=row.created_at,
            previous_secret_expires_at=row.previous_secret_expires_at if row.previous_secret_sealed else None,
            _pk=row.id,
        )

    @strawberry.field(description="Deliveries to this endpoint, newest first.")
    async def deliveries(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many deliveries, 1 to 100.")] = 20,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the previous page; null for the first.")
        ] = None,
    ) -> Connection[WebhookDelivery]:
        start = page_start(info, first, after)
        rows = await delivery_page_loader(info).load((self._pk, start, first + 1))
        # the count is read, batched with the other endpoints', only when totalCount is asked for
        count = partial(delivery_count_loader(info).load, self._pk)
        return connection_from_page(rows, start, first, WebhookDelivery.of, count)
