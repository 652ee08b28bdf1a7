"""deletePrayerTime (EDITOR and above): a missing id and another synagogue's are NOT_FOUND alike."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import HasRole, Role
from resolvers.content.access import access_prayer_time
from resolvers.content.changes import HELD_DELETION, URGENT_ARGUMENT, delete
from schema.content.payloads import DeletePayload
from schema.context import Info
from services.infra.ids import decode_id


@strawberry.type
class DeletePrayerTimeMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Delete a prayer time and its holiday overrides (EDITOR and above). " + HELD_DELETION,
    )
    async def delete_prayer_time(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The prayer time's global id.")],
        urgent: Annotated[bool, URGENT_ARGUMENT] = False,
    ) -> DeletePayload:
        return await delete(info, id, await access_prayer_time(info, decode_id(id, "PrayerTime")), urgent)
