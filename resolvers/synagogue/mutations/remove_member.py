"""removeMember: ADMIN and above take a member out; the member's sessions end."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.identity.access import access_membership
from schema.context import Info
from schema.errors import not_found, user_errors
from schema.identity.payloads import RemoveMemberPayload
from services.infra.ids import decode_id
from services.synagogue.members import remove_member


@strawberry.type
class RemoveMemberMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Remove a member; ADMIN and above. The last OWNER cannot be removed; only an OWNER removes an "
        "OWNER. The member's sessions end.",
    )
    async def remove_member(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The membership's global id.")]
    ) -> RemoveMemberPayload | None:
        membership = await access_membership(info, decode_id(id, "Membership"))
        if membership is None:
            raise not_found("membership")
        problems = await remove_member(info.context, membership)
        if problems is None:
            raise not_found("membership")
        return RemoveMemberPayload(removed_id=None if problems else id, user_errors=user_errors(problems))
