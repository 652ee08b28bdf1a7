"""The one road from an id to a webhook endpoint or delivery: only rows of the tenant the request acts in.

A foreign id and a missing id give the same None, and both are logged as a denial.
"""

from __future__ import annotations

import logging

from models.webhooks import WebhookDelivery, WebhookEndpoint
from schema.context import Info
from services.infra.ids import decode_id

log = logging.getLogger("shulgraph.access")


def _denied(info: Info, type_name: str, pk: int | None) -> None:
    log.info(
        "access denied or missing",
        extra={
            "type": type_name,
            "id": pk,
            "tenant": info.context.tenant_id,
            "principal": info.context.principal.describe(),
        },
    )


async def access_webhook_endpoint(info: Info, pk: int | None) -> WebhookEndpoint | None:
    tenant_id = info.context.tenant_id
    row = None
    if pk is not None and tenant_id is not None:
        row = await WebhookEndpoint.filter(id=pk, tenant_id=tenant_id).first()
    if row is None:
        _denied(info, "WebhookEndpoint", pk)
    return row


async def access_webhook_endpoint_by_global_id(info: Info, global_id: str) -> WebhookEndpoint | None:
    return await access_webhook_endpoint(info, decode_id(global_id, "WebhookEndpoint"))


async def access_webhook_delivery(info: Info, pk: int | None) -> WebhookDelivery | None:
    tenant_id = info.context.tenant_id
    row = None
    if pk is not None and tenant_id is not None:
        row = await WebhookDelivery.filter(id=pk, tenant_id=tenant_id).first()
    if row is None:
        _denied(info, "WebhookDelivery", pk)
    return row
