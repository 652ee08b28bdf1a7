"""updateAliyahAssignment (EDITOR and above): move or rename; the notification settings stay as they are."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_aliyah_assignment
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import UpdateAliyahAssignmentInput, values_of
from schema.content.payloads import AssignAliyahPayload
from schema.content.types import AliyahAssignment
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.assignments import update_assignment
from services.infra.ids import decode_id


@strawberry.type
class UpdateAliyahAssignmentMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Move an aliyah assignment to another date or aliyah, or rename the person (EDITOR and above); "
        "its notification settings stay. " + HELD_EDIT,
    )
    async def update_aliyah_assignment(
        self, info: Info, input: Annotated[UpdateAliyahAssignmentInput, strawberry.argument(description="The changes.")]
    ) -> AssignAliyahPayload:
        current = await access_aliyah_assignment(info, decode_id(input.id, "AliyahAssignment"))
        if current is None:
            return AssignAliyahPayload(assignment=None, user_errors=not_found_errors())
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await update_assignment(current, values_of(input), held)
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.id)
        return AssignAliyahPayload(assignment=AliyahAssignment.of(row), user_errors=[])
