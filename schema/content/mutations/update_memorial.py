"""updateMemorial (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import UpdateMemorialInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content import memorials


@strawberry.type
class UpdateMemorialMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_memorial(self, info: Info, input: UpdateMemorialInput) -> MemorialPayload:
        row = await access.by_global_id(info, input.id, "Memorial")
        if row is None:
            return MemorialPayload(memorial=None, user_errors=not_found_errors())
        today = await access.today(info)
        problems = await memorials.update_memorial(row, values_of(input), today)
        if problems:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        await changed(info)
        return MemorialPayload(memorial=Memorial.of(row, today), user_errors=[])
