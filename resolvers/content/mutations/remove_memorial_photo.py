"""removeMemorialPhoto (EDITOR and above): the memorial stays, without its photo; the stored image is deleted through
the outbox. A foreign or missing memorial id is NOT_FOUND alike; a memorial without a photo is answered as it is."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_memorial
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import RemoveMemorialPhotoInput
from schema.content.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_today
from services.content.media import remove_image
from services.infra.ids import decode_id


@strawberry.type
class RemoveMemorialPhotoMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Take its photo off a memorial (EDITOR and above); the memorial stays, and the stored image is "
        "deleted. " + HELD_EDIT,
    )
    async def remove_memorial_photo(
        self, info: Info, input: Annotated[RemoveMemorialPhotoInput, strawberry.argument(description="The memorial.")]
    ) -> MemorialPayload:
        row = await access_memorial(info, decode_id(input.memorial_id, "Memorial"))
        if row is None:
            return MemorialPayload(memorial=None, user_errors=not_found_errors("memorialId"))
        held, problems = await hold_for(info, input.urgent)
        if problems:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        if await remove_image(row, held):
            await done(info, input.urgent, input.memorial_id)
        return MemorialPayload(memorial=Memorial.of(row, await tenant_today(info)), user_errors=[])
