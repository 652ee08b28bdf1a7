"""The one road from an id to a synagogue: only the tenant the request acts in."""

from __future__ import annotations

import logging

from models.synagogue import Synagogue
from schema.context import Info

log = logging.getLogger("shulgraph.access")


async def access_synagogue(info: Info, pk: int) -> Synagogue | None:
    """The synagogue if it is the caller's current tenant; None (not found) otherwise."""
    if info.context.tenant_id != pk:
        log.info("access denied", extra={"type": "Synagogue", "id": pk, "tenant": info.context.tenant_id})
        return None
    return await Synagogue.get_or_none(id=pk)


async def current_synagogue(info: Info) -> Synagogue:
    from models.base import current_tenant_id

    return await Synagogue.get(id=current_tenant_id())
