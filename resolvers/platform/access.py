"""The one road from an id to an audit entry: a synagogue's entries for its ADMIN and above, in the current
synagogue only; platform entries for platform administrators only.

Built on the access kit (`resolvers.access.fetch`): a refused caller, a foreign id and a missing id give the same
None, logged once as a denial.
"""

from __future__ import annotations

from models.identity import Role
from models.platform import AuditEntry, PlatformAuditEntry
from resolvers.access import denied, fetch
from schema.context import Info


async def access_audit_entry(info: Info, pk: int) -> AuditEntry | None:
    """The entry if it belongs to the synagogue in context and the caller (a user, ADMIN and above) may read the
    log; else None."""
    context = info.context
    if context.principal.kind != "user" or not context.has_role(Role.ADMIN):
        denied(info, "AuditEntry", pk)
        return None
    return await fetch(info, "AuditEntry", pk, AuditEntry.all())


async def access_platform_audit_entry(info: Info, pk: int) -> PlatformAuditEntry | None:
    """The platform entry if the caller is a platform admin; else None, as for a missing id."""
    principal = info.context.principal
    if principal.kind != "user" or not principal.is_platform_admin:
        denied(info, "PlatformAuditEntry", pk)
        return None
    return await fetch(info, "PlatformAuditEntry", pk, PlatformAuditEntry.all(), needs_tenant=False)
