"""revokeSession: sign out one of my sessions (another browser or device)."""

from __future__ import annotations

import strawberry

from permissions import IsAuthenticated
from resolvers.identity.access import access_session
from schema.context import Info
from schema.errors import UserError, not_found
from services.identity.sessions import revoke_family
from services.infra.ids import decode_id


@strawberry.type
class RevokeSessionPayload:
    revoked_id: strawberry.ID | None
    user_errors: list[UserError]


@strawberry.type
class RevokeSessionMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="End one of my sessions; its refresh token and access tokens stop working at once.",
    )
    async def revoke_session(self, info: Info, id: strawberry.ID) -> RevokeSessionPayload | None:
        pk = decode_id(id, "Session")
        family = await access_session(info, pk) if pk is not None else None
        if family is None:
            raise not_found("session")
        await revoke_family(family.id, "revoked", info.context.broadcast, user_id=family.user_id)
        return RevokeSessionPayload(revoked_id=id, user_errors=[])
