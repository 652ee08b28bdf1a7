"""Synagogue inputs: creation, profile changes, and membership changes."""

from __future__ import annotations

import strawberry

from schema.identity.types import Role
from schema.synagogue.types import HavdalahOpinion


@strawberry.input
class CreateSynagogueInput:
    name: str
    slug: str | None = strawberry.field(default=None, description="Made from the name when left out.")
    timezone: str = strawberry.field(description="An IANA time zone, e.g. America/New_York.")
    latitude: float
    longitude: float
    elevation: float = strawberry.field(default=0, description="Metres above sea level.")
    in_israel: bool = False


@strawberry.input(description="Leave a field out to keep its value.")
class UpdateSynagogueInput:
    name: str | None = None
    timezone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    elevation: float | None = None
    in_israel: bool | None = None
    candle_lighting_minutes: int | None = strawberry.field(default=None, description="Minutes before sunset, 0 to 90.")
    havdalah_opinion: HavdalahOpinion | None = None
    use_elevation: bool | None = None


@strawberry.input
class AddMemberInput:
    email: str
    role: Role


@strawberry.input
class SetMemberRoleInput:
    membership_id: strawberry.ID
    role: Role
