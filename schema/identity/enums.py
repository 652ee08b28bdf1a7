"""Identity enums: the roles a membership grants, ordered VIEWER < EDITOR < ADMIN < OWNER."""

from __future__ import annotations

from enum import Enum

import strawberry

from models import identity as m


@strawberry.enum(description="What a member may do in their synagogue; each role may do all that the ones below may.")
class Role(Enum):
    VIEWER = strawberry.enum_value(
        "VIEWER", description="Reads the synagogue's content, devices and members; changes none of them."
    )
    EDITOR = strawberry.enum_value(
        "EDITOR", description="Also manages content: prayer times, messages, memorials, classes, Torah readings."
    )
    ADMIN = strawberry.enum_value(
        "ADMIN",
        description="Also manages the profile, members, devices, API keys and webhooks, and reads the audit log.",
    )
    OWNER = strawberry.enum_value(
        "OWNER", description="Also grants, changes and removes the OWNER role; a synagogue keeps at least one."
    )

    @classmethod
    def of(cls, role: m.Role) -> Role:
        return cls[role.name]

    def model(self) -> m.Role:
        return m.Role[self.name]
