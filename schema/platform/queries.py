"""Platform queries."""

from __future__ import annotations

import strawberry

from models import platform as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.platform.types import AuditEntry
from schema.relay import Connection, paginate


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[HasRole(Role.ADMIN)], description="Privileged actions, newest first.")
    async def audit_log(self, info: Info, first: int = 50, after: str | None = None) -> Connection[AuditEntry]:
        return await paginate(info, m.AuditEntry.all().order_by("-id"), first, after, AuditEntry.of)
