"""acceptInvitation: the invitee becomes a member, with the token the invitation's e-mail carried (Z6)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import AcceptInvitationInput
from schema.identity.payloads import AcceptInvitationPayload
from schema.identity.types import Membership
from services.identity.invitations import accept_token


@strawberry.type
class AcceptInvitationMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Accept an invitation with the token from its e-mail; any signed-in user whose e-mail address "
        "it was sent to. I become a member with its role (a member already keeps their role). A token works once "
        "and not after it expires or is revoked (userErrors ALREADY_USED, EXPIRED, REVOKED).",
    )
    async def accept_invitation(
        self,
        info: Info,
        input: Annotated[AcceptInvitationInput, strawberry.argument(description="The invitation's token.")],
    ) -> AcceptInvitationPayload | None:
        user = info.context.principal.user
        assert user is not None
        membership, problems = await accept_token(info.context, user, input.token)
        return AcceptInvitationPayload(
            membership=await Membership.loaded(info, membership), user_errors=user_errors(problems)
        )
