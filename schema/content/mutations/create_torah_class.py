"""createTorahClass (EDITOR and above)."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from schema.content.inputs import CreateTorahClassInput, values_of
from schema.content.mutations.common import changed
from schema.content.mutations.payloads import TorahClassPayload
from schema.content.types import TorahClass
from schema.context import Info
from schema.errors import user_errors
from services.content.prayer_times import save_torah_class


@strawberry.type
class CreateTorahClassMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def create_torah_class(self, info: Info, input: CreateTorahClassInput) -> TorahClassPayload:
        row, problems = await save_torah_class(None, values_of(input))
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=user_errors(problems))
        await changed(info)
        return TorahClassPayload(torah_class=TorahClass.of(row), user_errors=[])
