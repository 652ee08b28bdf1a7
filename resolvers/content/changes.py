"""What content mutations share once they wrote: the signal to the synagogue's screens (sent after the operation
commits, once per operation), and the answer of a delete."""

from __future__ import annotations

import strawberry
from tortoise.models import Model

from schema.content.payloads import DeletePayload
from schema.context import Info
from schema.errors import not_found_errors
from subscriptions.content import content_changed


async def changed(info: Info) -> None:
    """Tell the tenant's screens (after the operation commits)."""
    tenant_id = info.context.tenant_id
    if tenant_id is not None:
        await content_changed(info.context, tenant_id)


async def delete(info: Info, global_id: strawberry.ID, row: Model | None) -> DeletePayload:
    """Delete `row`, found by its access function from `global_id` (None: missing or not the synagogue's, which
    answers NOT_FOUND on `id`), and tell the screens."""
    if row is None:
        return DeletePayload(deleted_id=None, user_errors=not_found_errors())
    await row.delete()
    await changed(info)
    return DeletePayload(deleted_id=global_id, user_errors=[])
