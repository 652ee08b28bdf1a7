"""The `node(id:)` roads of identity's Node types, each through `access.py`: a `Membership` for the members of its
synagogue (VIEWER and above, as `members`), an `Invitation` for its synagogue's ADMINs (as `invitations`), a
`Session` for its own user."""

from __future__ import annotations

from models.identity import Role
from permissions import require_tenant_role
from resolvers.identity.access import access_invitation, access_membership, access_session
from schema.context import Info
from schema.identity.types import Invitation, Membership, Session
from schema.relay import NodeResolver


async def _membership_node(info: Info, pk: int) -> Membership | None:
    require_tenant_role(info.context, Role.VIEWER)  # a device or partner key reads no member's e-mail
    return await Membership.loaded(info, await access_membership(info, pk))


async def _invitation_node(info: Info, pk: int) -> Invitation | None:
    require_tenant_role(info.context, Role.ADMIN)  # as `invitations`: an invitee reads theirs through `me`
    row = await access_invitation(info, pk)
    return Invitation.of(row) if row else None


async def _session_node(info: Info, pk: int) -> Session | None:
    row = await access_session(info, pk)
    return Session.of(row, info.context.principal.session_id, info.context.settings) if row else None


NODES: dict[str, NodeResolver] = {
    "Membership": _membership_node,
    "Invitation": _invitation_node,
    "Session": _session_node,
}
"""The `node(id:)` road of each of this domain's Node types."""
