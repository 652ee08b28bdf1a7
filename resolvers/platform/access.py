"""The one road from an id to an audit entry: ADMIN and above, in the current tenant only."""

from __future__ import annotations

import logging

from models.identity import Role
from models.platform import AuditEntry
from schema.context import Info

log = logging.getLogger("shulgraph.access")


async def access_audit_entry(info: Info, pk: int) -> AuditEntry | None:
    """The entry if it belongs to the tenant in context and the caller may read the log; else None."""
    context = info.context
    row = None
    if context.tenant_id is not None and context.principal.kind == "user" and context.has_role(Role.ADMIN):
        row = await AuditEntry.get_or_none(id=pk)
    if row is None:
        log.info(
            "access denied or missing",
            extra={
                "type": "AuditEntry",
                "id": pk,
                "tenant": context.tenant_id,
                "principal": context.principal.describe(),
            },
        )
    return row
