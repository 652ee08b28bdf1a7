"""Outbox subscriptions: a background job's progress, live.

The channel is the tenant's own (`tenant:{id}:jobs`, from the authenticated principal); the job id
argument only picks which announcements to follow, after the job was found in that tenant.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from models.base import tenant_scope
from permissions import HasRole, Role
from resolvers.outbox.access import access_job, job_by_global_id
from schema.context import Info
from schema.errors import not_found
from schema.outbox.types import Job
from schema.synagogue.loaders import tenant_zone
from subscriptions.jobs import job_stream


@strawberry.type
class OutboxSubscription:
    @strawberry.subscription(
        permission_classes=[HasRole(Role.EDITOR)],
        description="A job's state now, then again whenever the worker reports progress, until it is DONE or "
        "FAILED. A missing id and another synagogue's are NOT_FOUND alike. EDITOR and above.",
    )
    async def job_progress(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="A Job id, or the id of the job's own view (MemorialImport)."),
        ],
    ) -> AsyncGenerator[Job, None]:
        context = info.context
        tenant_id = context.tenant_id
        assert tenant_id is not None
        async with tenant_scope(tenant_id):
            row = await job_by_global_id(info, id)
            zone = await tenant_zone(info)
        if row is None:
            raise not_found("job")
        job_id = row.id

        async def read() -> Job | None:
            async with tenant_scope(tenant_id):
                current = await access_job(info, job_id)
            return Job.of(current, zone) if current else None

        stream = job_stream(
            context.broadcast,
            tenant_id,
            job_id,
            read,
            key=lambda job: (job.status, job.progress, job.total),
            finished=lambda job: job.finished,
        )
        async for job in stream:
            yield job
