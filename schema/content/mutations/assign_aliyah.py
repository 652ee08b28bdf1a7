"""assignAliyah (EDITOR and above): who is called for one aliyah on one date."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from schema.content.inputs import AssignAliyahInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import AssignAliyahPayload
from schema.content.types import AliyahAssignment
from schema.context import Info
from schema.errors import user_errors
from services.content.prayer_times import assign_aliyah


@strawberry.type
class AssignAliyahMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def assign_aliyah(self, info: Info, input: AssignAliyahInput) -> AssignAliyahPayload:
        row, problems = await assign_aliyah(values_of(input))
        if row is None:
            return AssignAliyahPayload(assignment=None, user_errors=user_errors(problems))
        await changed(info)
        return AssignAliyahPayload(assignment=AliyahAssignment.of(row), user_errors=[])
