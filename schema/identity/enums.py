"""Identity enums: the roles a membership grants, ordered VIEWER < EDITOR < ADMIN < OWNER, and what became of an
invitation."""

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


@strawberry.enum(description="What became of an invitation.")
class InvitationStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Sent, not answered, and its token still works.")
    ACCEPTED = strawberry.enum_value("ACCEPTED", description="Accepted: the invitee became a member.")
    DECLINED = strawberry.enum_value("DECLINED", description="Turned down by the invitee.")
    REVOKED = strawberry.enum_value(
        "REVOKED", description="Withdrawn by the synagogue, or replaced by a newer invitation to the same address."
    )
    EXPIRED = strawberry.enum_value(
        "EXPIRED", description="Not answered before its end (INVITATION_TTL_SECONDS after it was sent)."
    )

    @classmethod
    def of(cls, invitation: m.Invitation, expired: bool) -> InvitationStatus:
        return cls.EXPIRED if expired else cls[invitation.status.value]
