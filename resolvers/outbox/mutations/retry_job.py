"""retryJob: ADMIN and above queue a FAILED job again (a webhook delivery job sends its delivery again). Audited."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.outbox.access import access_any_job_by_global_id
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.outbox.inputs import JobInput
from schema.outbox.payloads import RetryJobPayload
from schema.outbox.types import Job
from schema.synagogue.loaders import tenant_zone
from services.outbox.admin import retry_job
from services.platform import audit


@strawberry.type
class RetryJobMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Run a FAILED job again, due now, from its first attempt; another state is CONFLICT. ADMIN "
        "and above.",
    )
    async def retry_job(
        self, info: Info, input: Annotated[JobInput, strawberry.argument(description="The job.")]
    ) -> RetryJobPayload:
        row = await access_any_job_by_global_id(info, input.id)
        if row is None:
            return RetryJobPayload(job=None, user_errors=not_found_errors())
        problems = await retry_job(row)
        if problems:
            return RetryJobPayload(job=None, user_errors=user_errors(problems))
        await audit.record(info.context, action="job.retry", target_id=str(input.id), kind=row.kind)
        return RetryJobPayload(job=Job.of(row, await tenant_zone(info)), user_errors=[])
