"""register: anyone may create an account."""

from __future__ import annotations

import strawberry

from resolvers.identity.auth import claim_auth_operation, refuse_auth_operation, user_errors
from schema.context import Info
from schema.errors import UserError
from schema.identity.inputs import RegisterInput
from schema.identity.types import User
from services.identity import register_user


@strawberry.type
class RegisterPayload:
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class RegisterMutation:
    @strawberry.mutation(
        description="Create an account. Weak passwords and taken e-mails are userErrors; sign in afterwards."
    )
    async def register(self, info: Info, input: RegisterInput) -> RegisterPayload | None:
        if not claim_auth_operation(info):
            await refuse_auth_operation(info)
        user, problems = await register_user(info.context.settings, input.email, input.password, input.display_name)
        return RegisterPayload(user=User.of(user) if user else None, user_errors=user_errors(problems))
