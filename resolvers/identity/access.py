"""The one road from an id to a membership: only memberships of the current tenant."""

from __future__ import annotations

import logging

from models.identity import Membership
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
