"""createMemorial (EDITOR and above): from a civil date of death (with afterSunset) or a Hebrew date."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.changes import after_urgent, changed, hold_for
from schema.content.inputs import CreateMemorialInput, values_of
from schema.content.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import user_errors
from schema.synagogue.loaders import tenant_today
from services.content import memorials


@strawberry.type
class CreateMemorialMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Add a memorial (EDITOR and above), from a civil date of death (with afterSunset) or a Hebrew "
        "date; with a family e-mail address, the family is reminded before each yahrzeit. In Shabbat mode one added "
        "during Shabbat or yom tov is on the screens from havdalah, unless an ADMIN marks it urgent.",
    )
    async def create_memorial(
        self, info: Info, input: Annotated[CreateMemorialInput, strawberry.argument(description="The memorial to add.")]
    ) -> MemorialPayload:
        today = await tenant_today(info)
        held, problems = await hold_for(info, input.urgent)
        row = None
        if not problems:
            row, problems = await memorials.create_memorial(values_of(input), today, held)
        if row is None:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        memorial = Memorial.of(row, today)
        await after_urgent(info, input.urgent, memorial.id)
        await changed(info)
        return MemorialPayload(memorial=memorial, user_errors=[])
