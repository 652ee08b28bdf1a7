"""refreshSession: exchange the refresh cookie for a new access token and a rotated cookie."""

from __future__ import annotations

import strawberry

from resolvers.identity.auth import claim_auth_operation, clear_cookie, refuse_auth_operation, set_cookie
from schema.context import Info
from schema.identity.payloads import RefreshSessionPayload
from services.identity.sessions import INVALID, refresh_cookie, rotate
from services.identity.tokens import issue_access_token
from services.infra.errors import Unauthenticated


@strawberry.type
class RefreshSessionMutation:
    @strawberry.mutation(
        description="Rotate the refresh cookie and return a new access token; anyone holding the cookie. A missing, "
        "expired or revoked cookie is UNAUTHENTICATED; a replayed (already rotated) one revokes its whole session. "
        "Grace window: for REFRESH_GRACE_SECONDS (10 s by default) after a rotation, the token it "
        "replaced (only the latest one) still gets an access token but no new cookie, so two tabs "
        "refreshing at once stay signed in. A session ends SESSION_MAX_DAYS (30) after its sign-in however "
        "often it is refreshed, and after SESSION_IDLE_DAYS (14) without a refresh; refreshing it then is "
        "UNAUTHENTICATED."
    )
    async def refresh_session(self, info: Info) -> RefreshSessionPayload | None:
        if not claim_auth_operation(info):
            await refuse_auth_operation(info)
        context = info.context
        secret = refresh_cookie(context.request, context.settings)
        if secret is None:
            raise Unauthenticated(INVALID)
        try:
            rotation = await rotate(context.settings, secret, context.broadcast)
        except Unauthenticated:
            clear_cookie(info)
            raise
        token, claims = issue_access_token(
            context.settings, rotation.user_id, session_id=rotation.family_id, not_after=rotation.ends_at
        )
        if rotation.refresh_token:
            set_cookie(info, rotation.refresh_token, rotation.expires_at)
        return RefreshSessionPayload(access_token=token, access_token_expires_at=claims.expires_at, user_errors=[])
