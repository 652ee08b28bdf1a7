"""updateSynagogue: ADMIN and above change the profile and zmanim settings of their synagogue."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import user_errors
from schema.synagogue.inputs import UpdateSynagogueInput
from schema.synagogue.loaders import remember_synagogue
from schema.synagogue.payloads import UpdateSynagoguePayload
from schema.synagogue.types import Synagogue
from services.synagogue.synagogues import update_synagogue

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
    "yahrzeit_window",
    "adar_rule",
    "shabbat_mode",
)


def changes_of(input: UpdateSynagogueInput) -> dict[str, Any]:
    """The fields the input gives (model field names; enums as their values)."""
    changes: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(input, name)
        if value is not None and value is not strawberry.UNSET:
            changes[name] = getattr(value, "value", value)
    return changes


@strawberry.type
class UpdateSynagogueMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Change the synagogue's profile, zmanim settings, yahrzeit policy and Shabbat mode; ADMIN and "
        "above. Fields left out keep their value.",
    )
    async def update_synagogue(
        self,
        info: Info,
        input: Annotated[UpdateSynagogueInput, strawberry.argument(description="The fields to change.")],
    ) -> UpdateSynagoguePayload | None:
        row, problems = await update_synagogue(info.context, changes_of(input))
        if row is None:
            return UpdateSynagoguePayload(synagogue=None, user_errors=user_errors(problems))
        remember_synagogue(info, row)
        return UpdateSynagoguePayload(synagogue=Synagogue.of(row), user_errors=[])
