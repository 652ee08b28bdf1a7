"""deletePrayerTime (EDITOR and above)."""

from __future__ import annotations

import strawberry

from permissions import HasRole, Role
from resolvers.content import access
from schema.content.mutations.common import DeletePayload, changed
from schema.context import Info
from schema.errors import not_found_errors


@strawberry.type
class DeletePrayerTimeMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.EDITOR)])
    async def delete_prayer_time(self, info: Info, id: strawberry.ID) -> DeletePayload:
        row = await access.by_global_id(info, id, "PrayerTime")
        if row is None:
            return DeletePayload(deleted_id=None, user_errors=not_found_errors())
        await row.delete()
        await changed(info)
        return DeletePayload(deleted_id=id, user_errors=[])
