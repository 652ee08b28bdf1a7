"""Synagogue payloads: what createSynagogue and updateSynagogue answer, with their `userErrors` (the input was
refused and nothing was written)."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from schema.synagogue.types import Synagogue

USER_ERRORS = "Why the input was refused (nothing was written); empty on success."


@strawberry.type(description="The outcome of createSynagogue.")
class CreateSynagoguePayload:
    synagogue: Synagogue | None = strawberry.field(description="The new synagogue; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


@strawberry.type(description="The outcome of updateSynagogue.")
class UpdateSynagoguePayload:
    synagogue: Synagogue | None = strawberry.field(description="The synagogue as it is now; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)
