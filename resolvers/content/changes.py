"""What content mutations share: until when an edit waits in Shabbat mode (and the audit of an urgent one), the
signal to the synagogue's screens once they wrote (sent after the operation commits, once per operation), and the
answer of a delete (whose images go with it)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.models import Model

from models.content import Memorial, Message
from models.identity import Role
from schema.content.payloads import DeletePayload
from schema.context import Info
from schema.errors import not_found_errors
from services.content.media_cleanup import release
from services.content.rest import held_until
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.content import content_changed


async def changed(info: Info) -> None:
    """Tell the tenant's screens (after the operation commits)."""
    tenant_id = info.context.tenant_id
    if tenant_id is not None:
        await content_changed(info.context, tenant_id)


async def hold_for(info: Info, urgent: bool) -> tuple[datetime | None, list[Problem]]:
    """Until when an edit made now waits for the screens (the havdalah, in Shabbat mode on Shabbat or yom tov); an
    urgent edit waits not, and only ADMIN and above may mark one."""
    if urgent:
        role = info.context.role
        if role is None or role < Role.ADMIN:
            return None, [Problem("urgent", "FORBIDDEN", "only ADMIN and above may show an edit during Shabbat")]
        return None, []
    return await held_until(), []


async def after_urgent(info: Info, urgent: bool, target_id: str) -> None:
    """An urgent edit (ADMIN and above) leaves an audit entry."""
    if urgent:
        await audit.record(info.context, "content.urgent", target_id)


async def delete(info: Info, global_id: strawberry.ID, row: Model | None) -> DeletePayload:
    """Delete `row`, found by its access function from `global_id` (None: missing or not the synagogue's, which
    answers NOT_FOUND on `id`), with its images (stored objects through the outbox), and tell the screens."""
    if row is None:
        return DeletePayload(deleted_id=None, user_errors=not_found_errors())
    if isinstance(row, Memorial):
        await release(memorial_id=row.id)
    elif isinstance(row, Message):
        await release(message_id=row.id)
    await row.delete()
    await changed(info)
    return DeletePayload(deleted_id=global_id, user_errors=[])
