"""updatePreferences: my theme and language, kept on the server for every device I use."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from schema.context import Info
from schema.errors import user_errors
from schema.identity.inputs import UpdatePreferencesInput
from schema.identity.payloads import UpdatePreferencesPayload
from schema.identity.types import Preferences
from services.identity.users import update_preferences


@strawberry.type
class UpdatePreferencesMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Set my theme (system, light, dark) and language; any signed-in user. Unknown values are "
        "userErrors.",
    )
    async def update_preferences(
        self,
        info: Info,
        input: Annotated[UpdatePreferencesInput, strawberry.argument(description="The preferences to change.")],
    ) -> UpdatePreferencesPayload | None:
        user = info.context.principal.user
        assert user is not None
        problems = await update_preferences(user, input.theme, input.language)
        if problems:
            return UpdatePreferencesPayload(preferences=None, user_errors=user_errors(problems))
        return UpdatePreferencesPayload(
            preferences=Preferences(theme=user.theme, language=user.language), user_errors=[]
        )
