"""login: password sign-in; sets the rotating refresh-token cookie."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.identity.auth import (
    claim_auth_operation,
    refuse_auth_operation,
    retry_after_header,
    set_cookie,
    throttled,
)
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import LoginInput
from schema.identity.payloads import LoginPayload
from schema.identity.types import User
from services.identity.login_throttle import address_retry_after, count_address_failure
from services.identity.sessions import start_session
from services.identity.tokens import issue_access_token
from services.identity.users import authenticate_password

THROTTLED = "too many refused sign-ins from this address; try again later"


@strawberry.type
class LoginMutation:
    @strawberry.mutation(
        description="Sign in with e-mail and password; anyone. Wrong password, unknown e-mail and locked account "
        "answer alike (INVALID_CREDENTIALS); while the e-mail is locked the userError carries "
        "`extensions.retryAfterSeconds` and the response a Retry-After header. An address with too "
        "many refused sign-ins is THROTTLED (HTTP 429, Retry-After, `extensions.retryAfterSeconds`). "
        "Sets the refresh-token cookie."
    )
    async def login(
        self,
        info: Info,
        input: Annotated[LoginInput, strawberry.argument(description="The e-mail address and password.")],
    ) -> LoginPayload | None:
        if not claim_auth_operation(info):
            await refuse_auth_operation(info, input.email)
        context = info.context
        wait = await address_retry_after(context.settings, context.client_ip)
        if wait is not None:
            raise throttled(info, wait, THROTTLED)
        result = await authenticate_password(context.settings, context.kv, input.email, input.password)
        user = result.user
        if user is None:
            await count_address_failure(context.settings, context.client_ip)
            retry_after_header(info, result.retry_after)
            return LoginPayload(
                access_token=None, access_token_expires_at=None, user=None, user_errors=user_errors(result.problems)
            )
        session = await start_session(context.settings, user.id, context.user_agent, context.client_ip)
        token, claims = issue_access_token(
            context.settings, user.id, session_id=session.family_id, not_after=session.ends_at
        )
        if session.refresh_token:
            set_cookie(info, session.refresh_token, session.expires_at)
        return LoginPayload(
            access_token=token, access_token_expires_at=claims.expires_at, user=User.of(user), user_errors=[]
        )
