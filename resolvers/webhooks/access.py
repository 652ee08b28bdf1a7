"""The one road from an id to a webhook endpoint or delivery: only rows of the synagogue the request acts in.

Built on the access kit (`resolvers.access.fetch`): a foreign id, a missing id and a malformed one give the same
None, logged once as a denial.
"""

from __future__ import annotations

from models.webhooks import WebhookDelivery, WebhookEndpoint
from resolvers.access import fetch
from schema.context import Info
from services.infra.ids import decode_id


async def access_webhook_endpoint(info: Info, pk: int | None) -> WebhookEndpoint | None:
    return await fetch(info, "WebhookEndpoint", pk, WebhookEndpoint.all())


async def access_webhook_endpoint_by_global_id(info: Info, global_id: str) -> WebhookEndpoint | None:
    return await access_webhook_endpoint(info, decode_id(global_id, "WebhookEndpoint"))


async def access_webhook_delivery(info: Info, pk: int | None) -> WebhookDelivery | None:
    return await fetch(info, "WebhookDelivery", pk, WebhookDelivery.all())
