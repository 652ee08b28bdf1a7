"""Platform queries: a synagogue's audit log (ADMIN and above) and the platform audit log (platform admins)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import platform as m
from models.identity import Role
from permissions import HasRole, IsPlatformAdmin
from schema.context import Info
from schema.platform.types import AuditEntry, PlatformAuditEntry
from schema.relay import Connection, paginate

Entries = Annotated[int, strawberry.argument(description="How many entries, 1 to 100.")]
After = Annotated[
    str | None, strawberry.argument(description="The `endCursor` of the previous page; null for the first.")
]


@strawberry.type
class PlatformQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Privileged and impersonated actions in this synagogue, newest first. ADMIN and above.",
    )
    async def audit_log(
        self,
        info: Info,
        first: Entries = 50,
        after: After = None,
    ) -> Connection[AuditEntry] | None:
        return await paginate(info, m.AuditEntry.all().order_by("-id"), first, after, AuditEntry.of)

    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="Platform-level actions (platform admins made, software releases published, synagogues "
        "entered by impersonation), newest first. Platform administrators only.",
    )
    async def platform_audit_log(
        self,
        info: Info,
        first: Entries = 50,
        after: After = None,
    ) -> Connection[PlatformAuditEntry] | None:
        return await paginate(info, m.PlatformAuditEntry.all().order_by("-id"), first, after, PlatformAuditEntry.of)
