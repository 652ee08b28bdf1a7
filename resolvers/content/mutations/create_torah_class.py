"""createTorahClass (EDITOR and above): a recurring class on some weekdays at a wall time."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import CreateTorahClassInput, values_of
from schema.content.payloads import TorahClassPayload
from schema.content.types import TorahClass
from schema.context import Info
from schema.errors import user_errors
from services.content.prayer_times import save_torah_class


@strawberry.type
class CreateTorahClassMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)], description="Add a Torah class (EDITOR and above). " + HELD_EDIT
    )
    async def create_torah_class(
        self, info: Info, input: Annotated[CreateTorahClassInput, strawberry.argument(description="The class to add.")]
    ) -> TorahClassPayload:
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await save_torah_class(None, values_of(input), held)
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=user_errors(problems))
        torah_class = TorahClass.of(row)
        await done(info, input.urgent, torah_class.id)
        return TorahClassPayload(torah_class=torah_class, user_errors=[])
