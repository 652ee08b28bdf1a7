"""Webhook queries (ADMIN and above): the synagogue's endpoints and, through them, their deliveries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import webhooks as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.relay import Connection, paginate
from schema.webhooks.types import WebhookEndpoint


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
