"""updateTorahClass (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.inputs import UpdateTorahClassInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import TorahClassPayload
from schema.content.types import TorahClass
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.prayer_times import save_torah_class


@strawberry.type
class UpdateTorahClassMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def update_torah_class(self, info: Info, input: UpdateTorahClassInput) -> TorahClassPayload:
        current = await access.by_global_id(info, input.id, "TorahClass")
        if current is None:
            return TorahClassPayload(torah_class=None, user_errors=not_found_errors())
        row, problems = await save_torah_class(current, values_of(input))
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=user_errors(problems))
        await changed(info)
        return TorahClassPayload(torah_class=TorahClass.of(row), user_errors=[])
