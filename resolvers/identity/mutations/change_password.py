"""changePassword: a new password ends every session of the user, this one included."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from resolvers.identity.auth import claim_auth_operation, clear_cookie, refuse_auth_operation
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import ChangePasswordInput
from schema.identity.payloads import ChangePasswordPayload
from schema.identity.types import User
from services.identity.sessions import refuse_access_token, revoke_user_sessions
from services.identity.users import change_password


@strawberry.type
class ChangePasswordMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Change my password; any signed-in user. Every session (this one too) is signed out and every "
        "open websocket closed; sign in again with the new password.",
    )
    async def change_password(
        self,
        info: Info,
        input: Annotated[ChangePasswordInput, strawberry.argument(description="The current password and the new one.")],
    ) -> ChangePasswordPayload | None:
        if not claim_auth_operation(info):
            await refuse_auth_operation(info)
        context = info.context
        user = context.principal.user
        assert user is not None
        problems = await change_password(context.settings, user, input.current_password, input.new_password)
        if problems:
            return ChangePasswordPayload(user=None, user_errors=user_errors(problems))
        await revoke_user_sessions(user.id, "password_changed", context.broadcast)
        clear_cookie(info)
        await refuse_access_token(context.settings, context.kv, context.principal)
        return ChangePasswordPayload(user=User.of(user), user_errors=[])
