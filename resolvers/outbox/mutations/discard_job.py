"""discardJob: ADMIN and above delete a FAILED job; the audit entry keeps its kind and errors."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.outbox.access import access_any_job_by_global_id
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.outbox.inputs import JobInput
from schema.outbox.payloads import DiscardJobPayload
from services.outbox.admin import discard_job
from services.platform import audit


@strawberry.type
class DiscardJobMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Delete a FAILED job for good; another state is CONFLICT. ADMIN and above.",
    )
    async def discard_job(
        self, info: Info, input: Annotated[JobInput, strawberry.argument(description="The job.")]
    ) -> DiscardJobPayload:
        row = await access_any_job_by_global_id(info, input.id)
        if row is None:
            return DiscardJobPayload(discarded_id=None, user_errors=not_found_errors())
        problems = await discard_job(row)
        if problems:
            return DiscardJobPayload(discarded_id=None, user_errors=user_errors(problems))
        await audit.record(
            info.context, action="job.discard", target_id=str(input.id), kind=row.kind, errors=row.errors[:5]
        )
        return DiscardJobPayload(discarded_id=input.id, user_errors=[])
