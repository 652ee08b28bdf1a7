"""register: anyone may create an account."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.identity.auth import claim_auth_operation, refuse_auth_operation, throttled
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import RegisterInput
from schema.identity.payloads import RegisterPayload
from schema.identity.types import User
from services.identity.login_throttle import claim_registration
from services.identity.users import register_user

THROTTLED = "too many registrations from this address; try again later"


@strawberry.type
class RegisterMutation:
    @strawberry.mutation(
        description="Create an account; anyone. Weak passwords and taken e-mails are userErrors; sign in afterwards. "
        "An address with too many registration attempts is THROTTLED (HTTP 429, Retry-After, "
        "`extensions.retryAfterSeconds`) and nothing is written."
    )
    async def register(
        self, info: Info, input: Annotated[RegisterInput, strawberry.argument(description="The new account.")]
    ) -> RegisterPayload | None:
        if not claim_auth_operation(info):
            await refuse_auth_operation(info)
        context = info.context
        wait = await claim_registration(context.settings, context.client_ip)
        if wait is not None:
            raise throttled(info, wait, THROTTLED)
        user, problems = await register_user(context.settings, input.email, input.password, input.display_name)
        return RegisterPayload(user=User.of(user) if user else None, user_errors=user_errors(problems))
