"""revokeInvitation: ADMIN and above withdraw a pending invitation of their synagogue; its token stops working."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.identity.access import access_invitation
from schema.context import Info
from schema.errors import not_found, user_errors
from schema.identity.inputs import RevokeInvitationInput
from schema.identity.payloads import RevokeInvitationPayload
from schema.identity.types import Invitation
from services.identity.invitations import revoke
from services.infra.ids import decode_id


@strawberry.type
class RevokeInvitationMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Withdraw a pending invitation (expired or not); ADMIN and above, and only an OWNER withdraws "
        "an OWNER invitation. Its token stops working at once; an answered one is a userError.",
    )
    async def revoke_invitation(
        self,
        info: Info,
        input: Annotated[RevokeInvitationInput, strawberry.argument(description="The invitation to withdraw.")],
    ) -> RevokeInvitationPayload | None:
        row = await access_invitation(info, decode_id(input.id, "Invitation"))
        if row is None:
            raise not_found("invitation")
        revoked, problems = await revoke(info.context, row)
        return RevokeInvitationPayload(
            invitation=Invitation.of(revoked) if revoked else None, user_errors=user_errors(problems)
        )
