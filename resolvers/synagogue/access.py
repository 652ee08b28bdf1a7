"""The one road from an id to a synagogue or a membership: only the tenant the request acts in.

A foreign id and a missing id give the same None, and both are logged as a denial.
"""

from __future__ import annotations

import logging

from models.identity import Membership
from models.synagogue import Synagogue
from schema.context import Info
from services.infra.ids import decode_id

log = logging.getLogger("shulgraph.access")


def _denied(type_name: str, pk: object, info: Info) -> None:
    log.info(
        "access denied or missing",
        extra={
            "type": type_name,
            "id": pk,
            "tenant": info.context.tenant_id,
            "principal": info.context.principal.describe(),
        },
    )


async def access_synagogue(info: Info, pk: int) -> Synagogue | None:
    """The synagogue if it is the caller's current tenant; None (not found) otherwise."""
    if info.context.tenant_id is None or info.context.tenant_id != pk:
        _denied("Synagogue", pk, info)
        return None
    return await Synagogue.get_or_none(id=pk)


async def current_synagogue(info: Info) -> Synagogue:
    from models.base import current_tenant_id

    return await Synagogue.get(id=current_tenant_id())


async def access_member(info: Info, global_id: str) -> Membership | None:
    """A membership of the current tenant by its global id."""
    pk = decode_id(global_id, "Membership")
    tenant_id = info.context.tenant_id
    if pk is None or tenant_id is None:
        _denied("Membership", global_id, info)
        return None
    row = await Membership.get_or_none(id=pk, synagogue_id=tenant_id)
    if row is None:
        _denied("Membership", pk, info)
    return row
