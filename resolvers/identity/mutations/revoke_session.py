"""revokeSession: sign out one of my sessions (another browser or device)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from resolvers.identity.access import access_session
from schema.context import Info
from schema.errors import not_found
from schema.identity.payloads import RevokeSessionPayload
from services.identity.sessions import revoke_family
from services.infra.ids import decode_id


@strawberry.type
class RevokeSessionMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="End one of my sessions; any signed-in user. Its refresh token and access tokens stop working "
        "at once. Another user's session is NOT_FOUND.",
    )
    async def revoke_session(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The session's global id.")]
    ) -> RevokeSessionPayload | None:
        family = await access_session(info, decode_id(id, "Session"))
        if family is None:
            raise not_found("session")
        await revoke_family(family.id, "revoked", info.context.broadcast, user_id=family.user_id)
        return RevokeSessionPayload(revoked_id=id, user_errors=[])
