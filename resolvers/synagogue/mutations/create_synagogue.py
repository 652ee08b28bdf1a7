"""createSynagogue: any signed-in user opens a synagogue and becomes its OWNER."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsAuthenticated
from resolvers.identity.auth import throttled
from schema.context import Info
from schema.errors import user_errors
from schema.synagogue.inputs import CreateSynagogueInput
from schema.synagogue.payloads import CreateSynagoguePayload
from schema.synagogue.types import Synagogue
from services.identity.login_throttle import claim_synagogue_creation
from services.synagogue.synagogues import create_synagogue

THROTTLED = "you have opened too many synagogues lately; try again later"


@strawberry.type
class CreateSynagogueMutation:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Open a new synagogue (tenant); any signed-in user, who becomes its OWNER. A user past "
        "SYNAGOGUE_CREATION_LIMIT attempts is THROTTLED (HTTP 429, Retry-After, `extensions.retryAfterSeconds`) "
        "and nothing is written; platform admins are not counted.",
    )
    async def create_synagogue(
        self, info: Info, input: Annotated[CreateSynagogueInput, strawberry.argument(description="The new synagogue.")]
    ) -> CreateSynagoguePayload | None:
        principal = info.context.principal
        user_id = principal.user_id
        assert user_id is not None
        if not principal.is_platform_admin:
            wait = await claim_synagogue_creation(info.context.settings, user_id)
            if wait is not None:
                raise throttled(info, wait, THROTTLED)
        values = {
            "name": input.name,
            "timezone": input.timezone,
            "latitude": input.latitude,
            "longitude": input.longitude,
            "elevation": input.elevation,
            "in_israel": input.in_israel,
        }
        row, problems = await create_synagogue(info.context, user_id, values, input.slug)
        return CreateSynagoguePayload(synagogue=Synagogue.of(row) if row else None, user_errors=user_errors(problems))
