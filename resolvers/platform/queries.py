"""Platform queries: a synagogue's audit log (ADMIN and above), the platform audit log, and where synagogues' rows
live (placements and tenant databases; platform admins, read-only)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import platform as m
from models.identity import Role
from models.synagogue import Synagogue
from permissions import HasRole, IsPlatformAdmin
from schema.context import Info
from schema.platform.types import AuditEntry, PlatformAuditEntry, TenantDatabase, TenantPlacement
from schema.relay import Connection, connection_from_page, page_start, paginate
from services.platform.registry import database_overview, placements_of

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

    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="Every synagogue with the database its rows live in (shared, or one of its own) and any move in "
        "progress, oldest synagogue first. Read-only: `main.py tenant` places and moves. Platform administrators only.",
    )
    async def tenant_placements(
        self,
        info: Info,
        first: Entries = 50,
        after: After = None,
    ) -> Connection[TenantPlacement] | None:
        start = page_start(info, first, after)
        synagogues = Synagogue.all().order_by("id")
        rows = await synagogues.offset(start).limit(first + 1)
        placements = await placements_of([row.id for row in rows])
        return connection_from_page(
            rows, start, first, lambda row: TenantPlacement.of(row, placements[row.id]), synagogues.count
        )

    @strawberry.field(
        permission_classes=[IsPlatformAdmin],
        description="The databases declared for placing synagogues, with how many each holds and its state as this "
        "API process sees it. Platform administrators only.",
    )
    async def tenant_databases(self, info: Info) -> list[TenantDatabase] | None:
        return [TenantDatabase.of(row) for row in await database_overview()]
