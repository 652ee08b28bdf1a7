"""The one road from an id to a membership (of the current tenant) or a session (my own, open)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from models.identity import Membership, SessionFamily
from schema.context import Info
from services.identity.sessions import open_sessions

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
    now = datetime.now(UTC)
    row = await SessionFamily.filter(open_sessions(info.context.settings, now), id=pk, user_id=user_id).first()
    if row is None:
        log.info("access denied or missing", extra={"type": "Session", "id": pk, "user": user_id})
    return row
