"""Webhook types: endpoints and their deliveries."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from functools import partial

import strawberry

from models import webhooks as m
from schema.context import Info
from schema.relay import Connection, Node, connection_from_page, page_start
from services.infra.ids import to_global_id


@strawberry.enum(description="What a webhook can announce.")
class WebhookEvent(Enum):
    MESSAGE_CREATED = "MESSAGE_CREATED"
    ALIYAH_ASSIGNED = "ALIYAH_ASSIGNED"
    MEMORIAL_IMPORT_FINISHED = "MEMORIAL_IMPORT_FINISHED"
    DEVICE_OFFLINE = "DEVICE_OFFLINE"


@strawberry.enum
class WebhookDeliveryStatus(Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    FAILED = "FAILED"


@strawberry.type(description="One event sent to an endpoint; every attempt carries the same `deliveryId`.")
class WebhookDelivery(Node):
    id: strawberry.ID
    delivery_id: str = strawberry.field(description="The `webhook-id` header of every attempt.")
    event: WebhookEvent
    status: WebhookDeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None

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
            created_at=row.created_at,
            delivered_at=row.delivered_at,
        )


@strawberry.type(description="A URL that receives this synagogue's events, signed per Standard Webhooks.")
class WebhookEndpoint(Node):
    id: strawberry.ID
    url: str
    description: str
    events: list[WebhookEvent]
    is_active: bool
    created_at: datetime
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
            _pk=row.id,
        )

    @strawberry.field(description="Deliveries to this endpoint, newest first.")
    async def deliveries(self, info: Info, first: int = 20, after: str | None = None) -> Connection[WebhookDelivery]:
        from schema.webhooks.loaders import delivery_count_loader, delivery_page_loader

        start = page_start(info, first, after)
        rows = await delivery_page_loader(info).load((self._pk, start, first + 1))
        # the count is read, batched with the other endpoints', only when totalCount is asked for
        count = partial(delivery_count_loader(info).load, self._pk)
        return connection_from_page(rows, start, first, WebhookDelivery.of, count)
