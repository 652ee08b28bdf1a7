"""assignAliyah (EDITOR and above): who is called for one aliyah on one date."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import AssignAliyahInput, values_of
from schema.content.payloads import AssignAliyahPayload
from schema.content.types import AliyahAssignment
from schema.context import Info
from schema.errors import user_errors
from services.content.prayer_times import assign_aliyah


@strawberry.type
class AssignAliyahMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Call someone for one aliyah on one date, in place of whoever had it (EDITOR and above); webhooks "
        "get ALIYAH_ASSIGNED and, with notify, the person an e-mail. " + HELD_EDIT,
    )
    async def assign_aliyah(
        self, info: Info, input: Annotated[AssignAliyahInput, strawberry.argument(description="The assignment.")]
    ) -> AssignAliyahPayload:
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await assign_aliyah(values_of(input), held)
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=user_errors(problems))
        assignment = AliyahAssignment.of(row)
        await done(info, input.urgent, assignment.id)
        return AssignAliyahPayload(assignment=assignment, user_errors=[])
