"""addMember: ADMIN and above invite someone by e-mail; nobody becomes a member without accepting (Z6)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.identity.auth import throttled
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import AddMemberInput
from schema.identity.payloads import AddMemberPayload
from schema.identity.types import Invitation, Membership
from services.identity.invitations import invite
from services.identity.login_throttle import claim_invitation

THROTTLED = "you have sent too many invitations lately; try again later"


@strawberry.type
class AddMemberMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Invite someone by e-mail: an invitation with a single-use token (valid INVITATION_TTL_SECONDS) "
        "is e-mailed to the address, and its owner becomes a member only by accepting it (acceptInvitation). The "
        "answer is the same whether the address has an account or not; an address that already belongs to a "
        "member gets that membership back, unchanged, and no e-mail. Inviting an address again replaces its "
        "pending invitation. ADMIN and above; only an OWNER invites an OWNER. An inviter past INVITATION_LIMIT "
        "attempts is THROTTLED (HTTP 429, Retry-After) and nothing is written or sent.",
    )
    async def add_member(
        self, info: Info, input: Annotated[AddMemberInput, strawberry.argument(description="Who, and with which role.")]
    ) -> AddMemberPayload | None:
        user_id = info.context.principal.user_id
        assert user_id is not None
        wait = await claim_invitation(info.context.settings, user_id)
        if wait is not None:
            raise throttled(info, wait, THROTTLED)
        invited = await invite(info.context, input.email, input.role.model())
        return AddMemberPayload(
            membership=await Membership.loaded(info, invited.membership),
            invitation=Invitation.of(invited.invitation) if invited.invitation else None,
            user_errors=user_errors(invited.problems),
        )
