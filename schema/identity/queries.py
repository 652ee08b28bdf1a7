"""Identity queries."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from models import identity as m
from permissions import HasRole, IsAuthenticated
from resolvers.identity.access import access_membership, access_session
from schema.context import Info
from schema.identity.types import Me, Membership, Session
from schema.relay import Connection, NodeResolver, paginate
from services.identity.sessions import open_sessions


async def _membership_node(info: Info, pk: int) -> Membership | None:
    return await Membership.fetched(await access_membership(info, pk))


async def _session_node(info: Info, pk: int) -> Session | None:
    row = await access_session(info, pk)
    return Session.of(row, info.context.principal.session_id, info.context.settings) if row else None




NODES: dict[str, NodeResolver] = {
    "Membership": _membership_node,
    "Session": _session_node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated], description="The signed-in user.")
    async def me(self, info: Info) -> Me:
        user = info.context.principal.user
        assert user is not None
        return Me.of(user)

    @strawberry.field(permission_classes=[HasRole(m.Role.VIEWER)], description="Members of this synagogue.")
    async def members(self, info: Info, first: int = 50, after: str | None = None) -> Connection[Membership]:
        queryset = m.Membership.filter(synagogue_id=info.context.tenant_id).select_related("user").order_by("id")
        return await paginate(info, queryset, first, after, Membership.of)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="My open sessions (not revoked, idle or past their absolute lifetime), most recently "
        "used first; `current` is the one asking.",
    )
    async def sessions(self, info: Info) -> list[Session]:
        context = info.context
        rows = await m.SessionFamily.filter(
            open_sessions(context.settings, datetime.now(UTC)), user_id=context.principal.user_id
        ).order_by("-last_used_at", "-id")
        return [Session.of(row, context.principal.session_id, context.settings) for row in rows]
