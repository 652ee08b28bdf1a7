"""What every content mutation shares: problems as userErrors, the delete payload, the change signal."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import UserError
from subscriptions.content import content_changed


async def changed(info: Info) -> None:
    """Tell the tenant's screens (after the operation commits)."""
    tenant_id = info.context.tenant_id
    if tenant_id is not None:
        await content_changed(info.context, tenant_id)


@strawberry.type
class DeletePayload:
    deleted_id: strawberry.ID | None
    user_errors: list[UserError]
