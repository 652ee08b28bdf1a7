"""declineInvitation: the invitee turns an invitation down, by its token or by its id in `me { invitations }`."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from resolvers.identity.access import access_my_invitation
from schema.context import Info
from schema.errors import not_found, user_errors
from schema.identity.inputs import DeclineInvitationInput
from schema.identity.payloads import DeclineInvitationPayload
from schema.identity.types import Invitation
from services.identity.invitations import by_token, decline, naming_problems
from services.infra.ids import decode_id


@strawberry.type
class DeclineInvitationMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Turn down an invitation sent to my e-mail address, by its token or its id; any signed-in user. "
        "Another address's invitation id is NOT_FOUND; an answered, revoked or expired one is a userError.",
    )
    async def decline_invitation(
        self,
        info: Info,
        input: Annotated[DeclineInvitationInput, strawberry.argument(description="The invitation to turn down.")],
    ) -> DeclineInvitationPayload | None:
        user = info.context.principal.user
        assert user is not None
        problems = naming_problems(input.token, input.id)
        if problems:
            return DeclineInvitationPayload(invitation=None, user_errors=user_errors(problems))
        if input.id is not None:
            field, row = "id", await access_my_invitation(info, decode_id(input.id, "Invitation"))
            if row is None:
                raise not_found("invitation")
        else:
            field = "token"
            row, problems = await by_token(user, input.token or "")
        if row is not None:
            row, problems = await decline(info.context, user, row, field)
        return DeclineInvitationPayload(
            invitation=Invitation.of(row) if row else None, user_errors=user_errors(problems)
        )
