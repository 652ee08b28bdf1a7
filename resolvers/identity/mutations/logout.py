"""logout: end this session: the access token, its refresh family, the cookie."""

from __future__ import annotations

import strawberry

from resolvers.identity.auth import clear_cookie
from schema.context import Info
from schema.identity.payloads import LogoutPayload
from services.identity.sessions import refresh_cookie, refuse_access_token, revoke_signed_out


@strawberry.type
class LogoutMutation:
    @strawberry.mutation(
        description="Sign out; anyone holding the access token or the refresh cookie. The session (refresh family) "
        "is revoked, the cookie cleared and the access token refused from now on. Works with the cookie alone "
        "too. UNAVAILABLE when the token store is down (the session is revoked all the same)."
    )
    async def logout(self, info: Info) -> LogoutPayload:
        context = info.context
        await revoke_signed_out(context.broadcast, context.principal, refresh_cookie(context.request, context.settings))
        clear_cookie(info)
        await refuse_access_token(context.settings, context.kv, context.principal)
        return LogoutPayload(ok=True)
