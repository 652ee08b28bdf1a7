"""Identity types: users, memberships, invitations, sessions, and the signed-in user with their synagogues."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from config import Settings
from models import identity as m
from schema.context import Info
from schema.identity.enums import InvitationStatus, Role
from schema.identity.loaders import memberships_loader, open_invitations_loader, user_loader
from schema.relay import Connection, Node, connection_from_list
from schema.synagogue.loaders import synagogue_loader
from schema.synagogue.types import Synagogue
from services.identity.invitations import is_expired
from services.identity.sessions import session_end
from services.infra.ids import to_global_id


@strawberry.type(description="A person with an account, as the members of a synagogue see them.")
class User(Node):
    id: strawberry.ID = strawberry.field(description="The user's global id, the same in every synagogue.")
    email: str = strawberry.field(description="The sign-in e-mail address, in lower case.")
    display_name: str = strawberry.field(description="The name shown to others; empty when none was given.")

    @classmethod
    def of(cls, user: m.User) -> User:
        return cls(id=strawberry.ID(to_global_id("User", user.id)), email=user.email, display_name=user.display_name)


@strawberry.type(description="How the admin app looks for me, on every device I use.")
class Preferences:
    theme: str = strawberry.field(description="system, light or dark.")
    language: str = strawberry.field(description="The app's language: en, he, yi, fr, es or ru.")


@strawberry.type(description="A user's role in one synagogue: what opens the synagogue to them.")
class Membership(Node):
    id: strawberry.ID = strawberry.field(description="The global id; `node(id:)` answers it in the same synagogue.")
    role: Role = strawberry.field(description="What the member may do in the synagogue.")
    user: User = strawberry.field(description="The member.")
    _synagogue_id: strawberry.Private[int]

    @classmethod
    def of(cls, membership: m.Membership, user: m.User | None = None) -> Membership:
        """`membership.user` must be fetched (`select_related("user")`) unless `user` is given (`loaded`): a
        plain field is far cheaper than a resolver on a list of members."""
        return cls(
            id=strawberry.ID(to_global_id("Membership", membership.id)),
            role=Role.of(membership.role),
            user=User.of(user or membership.user),
            _synagogue_id=membership.synagogue_id,
        )

    @classmethod
    async def loaded(cls, info: Info, membership: m.Membership | None) -> Membership | None:
        """A membership row as the type, its user read through the loader; None stays None."""
        if membership is None:
            return None
        return cls.of(membership, await user_loader(info).load(membership.user_id))

    @strawberry.field(description="The synagogue the membership opens.")
    async def synagogue(self, info: Info) -> Synagogue:
        return Synagogue.of(await synagogue_loader(info).load(self._synagogue_id))


@strawberry.type(description="An offer of a role in a synagogue to an e-mail address, answered once with its token.")
class Invitation(Node):
    id: strawberry.ID = strawberry.field(description="The global id; `node(id:)` answers it to its synagogue's ADMINs.")
    email: str = strawberry.field(description="The address invited, in lower case.")
    role: Role = strawberry.field(description="The role accepting gives.")
    status: InvitationStatus = strawberry.field(description="PENDING until answered, revoked or expired.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    expires_at: datetime = strawberry.field(description="When its token stops working, unless answered before.")
    _synagogue_id: strawberry.Private[int]
    _invited_by_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: m.Invitation) -> Invitation:
        return cls(
            id=strawberry.ID(to_global_id("Invitation", row.id)),
            email=row.email,
            role=Role.of(row.role),
            status=InvitationStatus.of(row, is_expired(row)),
            created_at=row.created_at,
            expires_at=row.expires_at,
            _synagogue_id=row.synagogue_id,
            _invited_by_id=row.invited_by_id,
        )

    @strawberry.field(description="The name of the synagogue the invitation opens.")
    async def synagogue_name(self, info: Info) -> str:
        synagogue = await synagogue_loader(info).load(self._synagogue_id)
        return str(synagogue.name)

    @strawberry.field(description="Who sent it; null when that account no longer exists.")
    async def invited_by(self, info: Info) -> User | None:
        if self._invited_by_id is None:
            return None
        return User.of(await user_loader(info).load(self._invited_by_id))


@strawberry.type(description="The signed-in user, with every synagogue they belong to.")
class Me(Node):
    id: strawberry.ID = strawberry.field(description="My global id (a User's).")
    email: str = strawberry.field(description="My sign-in e-mail address, in lower case.")
    display_name: str = strawberry.field(description="The name others see; empty when none was given.")
    is_platform_admin: bool = strawberry.field(
        description="Whether I administer the whole installation (and may act in any synagogue by naming it)."
    )
    preferences: Preferences = strawberry.field(description="My theme and language.")
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

    @strawberry.field(description="My memberships, oldest first: the synagogues I may act in, with my role in each.")
    async def memberships(self, info: Info) -> list[Membership]:
        rows = await memberships_loader(info).load(self._user.id)
        return [Membership.of(row, self._user) for row in rows]

    @strawberry.field(
        description="Invitations sent to my e-mail address that I may still answer (pending, not expired), newest "
        "first; accept one with the token its e-mail carries."
    )
    async def invitations(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many, 1 to MAX_PAGE_SIZE (100).")] = 20,
        after: Annotated[
            str | None, strawberry.argument(description="The cursor of the last invitation of the previous page.")
        ] = None,
    ) -> Connection[Invitation]:
        rows = await open_invitations_loader(info).load(self._user.email)
        return connection_from_list(info, [Invitation.of(row) for row in rows], first, after)


@strawberry.type(description="A signed-in browser or app: one refresh-token family. `current` marks the one asking.")
class Session(Node):
    id: strawberry.ID = strawberry.field(description="The global id; `node(id:)` answers it for the session's user.")
    user_agent: str = strawberry.field(description="The browser or app that signed in, as it named itself.")
    ip_address: str = strawberry.field(description="The IP address it signed in from.")
    created_at: datetime = strawberry.field(description="When it signed in.")
    last_used_at: datetime = strawberry.field(description="When it was last refreshed (or signed in).")
    ends_at: datetime = strawberry.field(
        description="When the session ends unless it is refreshed first (its idle limit or absolute lifetime)."
    )
    current: bool = strawberry.field(description="Whether this is the session asking.")

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
