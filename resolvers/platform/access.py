"""The one road from an id to an audit entry: a tenant's entries for ADMIN and above, in the current tenant
only; platform entries for platform administrators only."""

from __future__ import annotations

import logging

from models.identity import Role
from models.platform import AuditEntry, PlatformAuditEntry
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


async def access_platform_audit_entry(info: Info, pk: int) -> PlatformAuditEntry | None:
    """The platform entry if the caller is a platform admin; else None, as for a missing id."""
    context = info.context
    row = None
    if context.principal.kind == "user" and context.principal.is_platform_admin:
        row = await PlatformAuditEntry.get_or_none(id=pk)
    if row is None:
        log.info(
            "access denied or missing",
            extra={"type": "PlatformAuditEntry", "id": pk, "principal": context.principal.describe()},
        )
    return row
