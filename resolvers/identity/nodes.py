"""The `node(id:)` roads of identity's Node types, each through `access.py`: a `Membership` for the members of its
synagogue (VIEWER and above, as `members`), an `Invitation` for its synagogue's ADMINs (as `invitations`), a
`Session` for its own user."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.identity.access import access_invitation, access_membership, access_session
from resolvers.identity.queries import IdentityQuery
from schema.context import Info
from schema.identity.types import Invitation, Membership, Session


async def _membership_node(info: Info, pk: int) -> Membership | None:
    return await Membership.loaded(info, await access_membership(info, pk))


async def _invitation_node(info: Info, pk: int) -> Invitation | None:
    row = await access_invitation(info, pk)
    return Invitation.of(row) if row else None


async def _session_node(info: Info, pk: int) -> Session | None:
    row = await access_session(info, pk)
    return Session.of(row, info.context.principal.session_id, info.context.settings) if row else None


NODES: dict[str, NodeRoad] = {
    "Membership": road(_membership_node, (IdentityQuery, "members")),
    "Invitation": road(_invitation_node, (IdentityQuery, "invitations")),  # an invitee reads theirs through `me`
    "Session": road(_session_node, (IdentityQuery, "sessions")),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
