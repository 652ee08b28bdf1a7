"""attachMemorialPhoto (EDITOR and above): verify an uploaded image and make it the memorial's photo. A foreign or
missing memorial or media id is NOT_FOUND alike; an upload that is not an image, too large or a decompression bomb
is refused and deleted."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_media, access_memorial
from resolvers.content.changes import HELD_EDIT, done, hold_for
from schema.content.inputs import AttachMemorialPhotoInput
from schema.content.payloads import MemorialPayload
from schema.content.types import Memorial
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from schema.synagogue.loaders import tenant_today
from services.content.media import attach_memorial_photo
from services.infra.ids import decode_id


@strawberry.type
class AttachMemorialPhotoMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Give a memorial its photo from an upload (EDITOR and above): the server verifies the image, "
        "strips its metadata and makes the sizes screens show; a previous photo is deleted. " + HELD_EDIT,
    )
    async def attach_memorial_photo(
        self,
        info: Info,
        input: Annotated[AttachMemorialPhotoInput, strawberry.argument(description="The memorial and the upload.")],
    ) -> MemorialPayload:
        row = await access_memorial(info, decode_id(input.memorial_id, "Memorial"))
        if row is None:
            return MemorialPayload(memorial=None, user_errors=not_found_errors("memorialId"))
        media = await access_media(info, decode_id(input.media_id, "Media"))
        held, problems = await hold_for(info, input.urgent)
        problems = problems or await attach_memorial_photo(info.context.settings, media, row, held)
        if problems:
            return MemorialPayload(memorial=None, user_errors=user_errors(problems))
        await done(info, input.urgent, input.memorial_id)
        return MemorialPayload(memorial=Memorial.of(row, await tenant_today(info)), user_errors=[])
