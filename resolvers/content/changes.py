"""What content mutations share: until when an edit waits in Shabbat mode (and the audit of an urgent one), the
signal to the synagogue's screens once they wrote (sent after the operation commits, once per operation), and the
answer of a delete (what goes with the row goes too), with the `urgent` argument the deletions take."""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.models import Model

from models.identity import Role
from schema.content.payloads import DeletePayload
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.removal import delete_content
from services.content.rest import held_until
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.content import content_changed

HELD_EDIT = (
    "In Shabbat mode an edit made during Shabbat or yom tov is shown from havdalah, unless an ADMIN marks it urgent."
)
HELD_DELETION = (
    "In Shabbat mode a deletion during Shabbat or yom tov shows from havdalah, unless an ADMIN marks it urgent."
)
URGENT_ARGUMENT = strawberry.argument(
    description="Shabbat mode: take it off the screens at once even during Shabbat or yom tov (ADMIN and above); "
    "otherwise a deletion then shows from havdalah."
)


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


async def done(info: Info, urgent: bool, target_id: str) -> None:
    """After an edit: the audit of an urgent one, and the signal to the screens."""
    await after_urgent(info, urgent, target_id)
    await changed(info)


async def delete(info: Info, global_id: strawberry.ID, row: Model | None, urgent: bool = False) -> DeletePayload:
    """Delete `row`, found by its access function from `global_id` (None: missing or not the synagogue's, which
    answers NOT_FOUND on `id`), with what goes with it (`services.content.removal`), and tell the screens. In Shabbat
    mode a deletion during Shabbat or yom tov leaves the row on the screens until havdalah, unless urgent."""
    if row is None:
        return DeletePayload(deleted_id=None, user_errors=not_found_errors())
    held, problems = await hold_for(info, urgent)
    if problems:
        return DeletePayload(deleted_id=None, user_errors=user_errors(problems))
    await delete_content(row, held)
    await after_urgent(info, urgent, global_id)
    await changed(info)
    return DeletePayload(deleted_id=global_id, user_errors=[])
