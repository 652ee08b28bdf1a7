"""Identity's root queries: the signed-in user, the members of the synagogue and its invitations, and my open
sessions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole, IsAuthenticated
from schema.context import Info
from schema.identity.enums import InvitationStatus
from schema.identity.types import Invitation, Me, Membership, Session
from schema.relay import Connection, paginate
from services.identity.invitations import invitations_of
from services.identity.sessions import list_open_sessions
from services.identity.tenancy import members_of


@strawberry.type
class IdentityQuery:
    @strawberry.field(permission_classes=[IsAuthenticated], description="The signed-in user (anyone signed in).")
    async def me(self, info: Info) -> Me:
        user = info.context.principal.user
        assert user is not None
        return Me.of(user)

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Members of this synagogue, oldest first; VIEWER and above.",
    )
    async def members(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many members, 1 to MAX_PAGE_SIZE (100).")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The cursor of the last member of the previous page.")
        ] = None,
    ) -> Connection[Membership]:
        tenant_id = info.context.tenant_id
        assert tenant_id is not None
        return await paginate(info, members_of(tenant_id), first, after, Membership.of)

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="This synagogue's invitations in one state (PENDING unless asked), newest first; ADMIN and "
        "above.",
    )
    async def invitations(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many, 1 to MAX_PAGE_SIZE (100).")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The cursor of the last invitation of the previous page.")
        ] = None,
        status: Annotated[
            InvitationStatus, strawberry.argument(description="Which ones: PENDING (the default) are still open.")
        ] = InvitationStatus.PENDING,
    ) -> Connection[Invitation]:
        tenant_id = info.context.tenant_id
        assert tenant_id is not None
        return await paginate(info, invitations_of(tenant_id, status.name), first, after, Invitation.of)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="My open sessions (not revoked, idle or past their absolute lifetime), most recently "
        "used first; `current` is the one asking.",
    )
    async def sessions(self, info: Info) -> list[Session]:
        context = info.context
        user_id = context.principal.user_id
        assert user_id is not None
        rows = await list_open_sessions(context.settings, user_id)
        return [Session.of(row, context.principal.session_id, context.settings) for row in rows]
