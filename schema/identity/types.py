"""Identity types: users, memberships, sessions."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from config import Settings
from models import identity as m
from schema.context import Info
from schema.relay import Node
from services.identity.sessions import session_end
from services.identity.tenancy import memberships_of
from services.infra.ids import to_global_id

if TYPE_CHECKING:
    from schema.synagogue.types import Synagogue


@strawberry.enum
class Role(Enum):
    VIEWER = "VIEWER"
    EDITOR = "EDITOR"
    ADMIN = "ADMIN"
    OWNER = "OWNER"

    @classmethod
    def of(cls, role: m.Role) -> Role:
        return cls[role.name]

    def model(self) -> m.Role:
        return m.Role[self.value]


@strawberry.type
class User(Node):
    id: strawberry.ID
    email: str
    display_name: str

    @classmethod
    def of(cls, user: m.User) -> User:
        return cls(id=strawberry.ID(to_global_id("User", user.id)), email=user.email, display_name=user.display_name)


@strawberry.type
class Preferences:
    theme: str
    language: str


@strawberry.type
class Membership(Node):
    id: strawberry.ID
    role: Role
    user: User
    _synagogue_id: strawberry.Private[int]

    @classmethod
    def of(cls, membership: m.Membership, user: m.User | None = None) -> Membership:
        """`membership.user` must be fetched (`select_related("user")`, or `fetched`) unless `user` is given:
        a plain field is far cheaper than a resolver on a list of members."""
        return cls(
            id=strawberry.ID(to_global_id("Membership", membership.id)),
            role=Role.of(membership.role),
            user=User.of(user or membership.user),
            _synagogue_id=membership.synagogue_id,
        )

    @classmethod
    async def fetched(cls, membership: m.Membership | None) -> Membership | None:
        if membership is None:
            return None
        await membership.fetch_related("user")
        return cls.of(membership)

    @strawberry.field
    async def synagogue(self, info: Info) -> Annotated[Synagogue, strawberry.lazy("schema.synagogue.types")]:
        from schema.synagogue.loaders import synagogue_loader
        from schema.synagogue.types import Synagogue

        return Synagogue.of(await synagogue_loader(info).load(self._synagogue_id))


@strawberry.type
class Me(Node):
    """The signed-in user, with every synagogue they belong to."""

    id: strawberry.ID
    email: str
    display_name: str
    is_platform_admin: bool
    preferences: Preferences
    _user: strawberry.Private[m.User]

    @classmethod
    def of(cls, user: m.User) -> Me:
        return cls(
            id=strawberry.ID(to_global_id("User", user.id)),
            email=user.email,
            display_name=user.display_name,
            is_platform_admin=user.is_platform_admin,
            preferences=Preferences(theme=user.theme, language=user.language),
            _user=user,
        )

    @strawberry.field
    async def memberships(self, info: Info) -> list[Membership]:
        from models.synagogue import Synagogue
        from schema.synagogue.loaders import synagogue_loader

        rows = await memberships_of(self._user.id)
        synagogues = synagogue_loader(info)
        for row in rows:  # each membership's synagogue came in the same statement
            synagogues.prime(row.synagogue_id, cast(Synagogue, row.synagogue))
        return [Membership.of(row, self._user) for row in rows]


@strawberry.type
class Session(Node):
    """A signed-in browser or app: one refresh-token family. `current` marks the one asking."""

    id: strawberry.ID
    user_agent: str
    ip_address: str
    created_at: datetime
    last_used_at: datetime
    ends_at: datetime = strawberry.field(
        description="When the session ends unless it is refreshed first (its idle limit or absolute lifetime)."
    )
    current: bool

    @classmethod
    def of(cls, family: m.SessionFamily, current_family_id: int | None, settings: Settings) -> Session:
        return cls(
            id=strawberry.ID(to_global_id("Session", family.id)),
            user_agent=family.user_agent,
            ip_address=family.ip_address,
            created_at=family.created_at,
            last_used_at=family.last_used_at,
            ends_at=session_end(settings, family.created_at, family.last_used_at),
            current=family.id == current_family_id,
        )
