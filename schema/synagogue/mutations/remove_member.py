"""removeMember: ADMIN and above take a member out; the member's sessions end."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.synagogue.access import access_member
from schema.context import Info
from schema.errors import UserError, not_found, user_errors
from services.synagogue.synagogues import remove_member


@strawberry.type
class RemoveMemberPayload:
    removed_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class RemoveMemberMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Remove a member. The last OWNER cannot be removed; only an OWNER removes an OWNER.",
    )
    async def remove_member(self, info: Info, id: strawberry.ID) -> RemoveMemberPayload | None:
        membership = await access_member(info, id)
        if membership is None:
            raise not_found("membership")
        problems = await remove_member(info.context, membership)
        if problems is None:
            raise not_found("membership")
        return RemoveMemberPayload(removed_id=None if problems else id, user_errors=user_errors(problems))
