"""Webhook types: endpoints and their deliveries."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from enum import Enum
from typing import Any, cast

import strawberry

from models import webhooks as m
from schema.context import Info
from schema.relay import Connection, Edge, Node, PageInfo, _cursor, _offset, check_page_size, to_global_id


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
        from resolvers.webhooks.loaders import delivery_page_loader

        check_page_size(info, first)
        start = _offset(after)
        rows = await delivery_page_loader(info).load((self._pk, start, first + 1))
        has_next = len(rows) > first
        edges = [Edge(cursor=_cursor(start + i), node=WebhookDelivery.of(row)) for i, row in enumerate(rows[:first])]
        return Connection(
            edges=edges,
            page_info=PageInfo(
                has_next_page=has_next,
                has_previous_page=start > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            _queryset=cast(Any, _LazyCount(info, self._pk)),
            _total=start + len(edges) if not has_next and (edges or start == 0) else None,
        )


class _LazyCount:
    """The endpoint's delivery count, read (batched with the other endpoints') only when asked for."""

    def __init__(self, info: Info, endpoint_pk: int) -> None:
        self.info, self.endpoint_pk = info, endpoint_pk

    def count(self) -> Awaitable[int]:
        from resolvers.webhooks.loaders import delivery_count_loader

        return delivery_count_loader(self.info).load(self.endpoint_pk)
