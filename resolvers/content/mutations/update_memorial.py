"""updateMemorial (EDITOR and above): fields left out keep their values."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_memorial
from resolvers.content.changes import after_urgent, changed, hold_for
from schema.content.inputs import UpdateMemorialInput, values_of
from schema.content.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_today
from services.content import memorials
from services.infra.ids import decode_id


@strawberry.type
class UpdateMemorialMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Change a memorial (EDITOR and above); fields left out keep their values. In Shabbat mode an "
        "edit made during Shabbat or yom tov is shown from havdalah, unless an ADMIN marks it urgent.",
    )
    async def update_memorial(
        self, info: Info, input: Annotated[UpdateMemorialInput, strawberry.argument(description="The changes.")]
    ) -> MemorialPayload:
        row = await access_memorial(info, decode_id(input.id, "Memorial"))
        if row is None:
            return MemorialPayload(memorial=None, user_errors=not_found_errors())
        today = await tenant_today(info)
        held, problems = await hold_for(info, input.urgent)
        problems = problems or await memorials.update_memorial(row, values_of(input), today, held)
        if problems:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        await after_urgent(info, input.urgent, input.id)
        await changed(info)
        return MemorialPayload(memorial=Memorial.of(row, today), user_errors=[])
