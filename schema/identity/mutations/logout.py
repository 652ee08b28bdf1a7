"""logout: end this session: the access token, its refresh family, the cookie."""

from __future__ import annotations

import strawberry

from resolvers.identity.auth import clear_cookie
from schema.context import Info
from services.identity.sessions import denylist_access_token, family_of, refresh_cookie, revoke_family
from services.infra.errors import ErrorCode, Unavailable


@strawberry.type
class LogoutPayload:
    ok: bool


@strawberry.type
class LogoutMutation:
    @strawberry.mutation(
        description="Sign out: the session (refresh family) is revoked, the cookie cleared and the access "
        "token refused from now on. Works with the cookie alone too. UNAVAILABLE when the token store "
        "is down (the session is revoked all the same)."
    )
    async def logout(self, info: Info) -> LogoutPayload:
        context = info.context
        principal = context.principal
        families: set[int] = set()
        if principal.kind == "user" and principal.session_id is not None:
            families.add(principal.session_id)
        secret = refresh_cookie(context.request, context.settings)
        if secret is not None:
            family_id = await family_of(secret)
            if family_id is not None:
                families.add(family_id)
        for family_id in families:
            await revoke_family(family_id, "logout", context.broadcast)
        clear_cookie(info)
        if principal.auth_error == ErrorCode.UNAVAILABLE:
            raise Unavailable("the session was ended but the access token could not be checked; try again")
        if principal.kind == "user" and principal.token_jti and principal.token_expires_at:
            await denylist_access_token(context.settings, context.kv, principal.token_jti, principal.token_expires_at)
        return LogoutPayload(ok=True)
