"""createMemorial (EDITOR and above): from a civil date of death (with afterSunset) or a Hebrew date."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import CreateMemorialInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import user_errors
from services.content import memorials


@strawberry.type
class CreateMemorialMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_memorial(self, info: Info, input: CreateMemorialInput) -> MemorialPayload:
        today = await access.today(info)
        row, problems = await memorials.create_memorial(values_of(input), today)
        if row is None:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        await changed(info)
        return MemorialPayload(memorial=Memorial.of(row, today), user_errors=[])
