"""Outbox queries: a background job by its id, to poll."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.outbox.access import job_by_global_id
from schema.context import Info
from schema.outbox.types import Job
from schema.synagogue.loaders import tenant_zone


@strawberry.type
class OutboxQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.EDITOR)],
        description="A background job (a memorial import, ...) by its id, to poll; null when missing or not yours. "
        "EDITOR and above.",
    )
    async def job(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A Job id, or the id of the job's own view (MemorialImport)."),
        ],
    ) -> Job | None:
        row = await job_by_global_id(info, id)
        return Job.of(row, await tenant_zone(info)) if row else None
