"""updateSynagogue: ADMIN and above change the profile and zmanim settings of their synagogue."""

from __future__ import annotations

from typing import Any

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import UserError, user_errors
from schema.synagogue.inputs import UpdateSynagogueInput
from schema.synagogue.types import Synagogue
from services.synagogue.synagogues import update_synagogue
from subscriptions.content import content_changed

FIELDS = (
    "name",
    "timezone",
    "latitude",
    "longitude",
    "elevation",
    "in_israel",
    "candle_lighting_minutes",
    "havdalah_opinion",
    "use_elevation",
)


def changes_of(input: UpdateSynagogueInput) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(input, name)
        if value is not None and value is not strawberry.UNSET:
            changes[name] = getattr(value, "value", value)
    return changes


@strawberry.type
class UpdateSynagoguePayload:
    synagogue: Synagogue | None
    user_errors: list[UserError]


@strawberry.type
class UpdateSynagogueMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Change the synagogue's profile; fields left out keep their value.",
    )
    async def update_synagogue(self, info: Info, input: UpdateSynagogueInput) -> UpdateSynagoguePayload | None:
        row, problems = await update_synagogue(info.context, changes_of(input))
        if row is not None and not problems:
            await content_changed(info.context, row.id)
        return UpdateSynagoguePayload(synagogue=Synagogue.of(row) if row else None, user_errors=user_errors(problems))
