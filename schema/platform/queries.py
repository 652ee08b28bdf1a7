"""Platform queries: a tenant's audit log, and the platform audit log."""

from __future__ import annotations

import strawberry

from models import platform as m
from models.identity import Role
from permissions import HasRole, IsPlatformAdmin
from resolvers.platform.access import access_audit_entry, access_platform_audit_entry
from schema.context import Info
from schema.platform.types import AuditEntry, PlatformAuditEntry
from schema.relay import Connection, NodeResolver, paginate


async def _audit_entry_node(info: Info, pk: int) -> AuditEntry | None:
    row = await access_audit_entry(info, pk)
    return AuditEntry.of(row) if row else None




async def _platform_audit_entry_node(info: Info, pk: int) -> PlatformAuditEntry | None:
    row = await access_platform_audit_entry(info, pk)
    return PlatformAuditEntry.of(row) if row else None




NODES: dict[str, NodeResolver] = {
    "AuditEntry": _audit_entry_node,
    "PlatformAuditEntry": _platform_audit_entry_node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Privileged and impersonated actions in this synagogue, newest first. ADMIN and above.",
    )
    async def audit_log(self, info: Info, first: int = 50, after: str | None = None) -> Connection[AuditEntry] | None:
        return await paginate(info, m.AuditEntry.all().order_by("-id"), first, after, AuditEntry.of)

    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="Platform-level actions (platform admins made, software releases published, synagogues "
        "entered by impersonation), newest first. Platform administrators only.",
    )
    async def platform_audit_log(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> Connection[PlatformAuditEntry] | None:
        return await paginate(info, m.PlatformAuditEntry.all().order_by("-id"), first, after, PlatformAuditEntry.of)
