"""updateAliyahAssignment (EDITOR and above): move, rename, or change the notification."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import UpdateAliyahAssignmentInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import AssignAliyahPayload
from schema.content.types import AliyahAssignment
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.assignments import update_assignment


@strawberry.type
class UpdateAliyahAssignmentMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_aliyah_assignment(self, info: Info, input: UpdateAliyahAssignmentInput) -> AssignAliyahPayload:
        current = await access.by_global_id(info, input.id, "AliyahAssignment")
        if current is None:
            return AssignAliyahPayload(assignment=None, user_errors=not_found_errors())
        row, problems = await update_assignment(current, values_of(input))
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=user_errors(problems))
        await changed(info)
        return AssignAliyahPayload(assignment=AliyahAssignment.of(row), user_errors=[])
