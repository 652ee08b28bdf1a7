"""updateTorahClass (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_torah_class
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import UpdateTorahClassInput, values_of
from schema.content.payloads import TorahClassPayload
from schema.content.types import TorahClass
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.prayer_times import save_torah_class
from services.infra.ids import decode_id


@strawberry.type
class UpdateTorahClassMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Change a Torah class (EDITOR and above); fields left out keep their values. " + HELD_EDIT,
    )
    async def update_torah_class(
        self, info: Info, input: Annotated[UpdateTorahClassInput, strawberry.argument(description="The changes.")]
    ) -> TorahClassPayload:
        current = await access_torah_class(info, decode_id(input.id, "TorahClass"))
        if current is None:
            return TorahClassPayload(torah_class=None, user_errors=not_found_errors())
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await save_torah_class(current, values_of(input), held)
        if row is None:
            return TorahClassPayload(torah_class=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.id)
        return TorahClassPayload(torah_class=TorahClass.of(row), user_errors=[])
