"""The one road from an id to a membership: only memberships of the current tenant."""

from __future__ import annotations

import logging

from models.identity import Membership, SessionFamily
from schema.context import Info

log = logging.getLogger("shulgraph.access")


async def access_membership(info: Info, pk: int) -> Membership | None:
    tenant_id = info.context.tenant_id
    if tenant_id is None:
        return None
    row = await Membership.get_or_none(id=pk, synagogue_id=tenant_id)
    if row is None:
        log.info("access denied or missing", extra={"type": "Membership", "id": pk, "tenant": tenant_id})
    return row


async def access_session(info: Info, pk: int) -> SessionFamily | None:
    """One of the signed-in user's own open sessions; another user's looks exactly like a missing one."""
    user_id = info.context.principal.user_id
    if user_id is None:
        return None
    row = await SessionFamily.get_or_none(id=pk, user_id=user_id, revoked_at__isnull=True)
    if row is None:
        log.info("access denied or missing", extra={"type": "Session", "id": pk, "user": user_id})
    return row
