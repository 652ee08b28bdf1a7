"""The one road from an id to a membership or an invitation (of the synagogue the request acts in), an
invitation sent to the signed-in user's address, or a session (one of the signed-in user's own open ones), on the
access kit: a missing id and another tenant's or user's give the same None, logged as a denial."""

from __future__ import annotations

from models.identity import Invitation, Membership, SessionFamily
from resolvers.access import fetch
from schema.context import Info
from services.identity.invitations import invitations_to
from services.identity.sessions import open_sessions_of


async def access_membership(info: Info, pk: int | None) -> Membership | None:
    """A membership of the current tenant."""
    return await fetch(info, "Membership", pk, Membership.filter(synagogue_id=info.context.tenant_id))


async def access_invitation(info: Info, pk: int | None) -> Invitation | None:
    """An invitation of the current tenant."""
    return await fetch(info, "Invitation", pk, Invitation.filter(synagogue_id=info.context.tenant_id))


async def access_my_invitation(info: Info, pk: int | None) -> Invitation | None:
    """An invitation sent to the signed-in user's address, in any synagogue; another address's looks exactly
    like a missing one."""
    user = info.context.principal.user
    if user is None:
        pk = None  # nobody's invitation: refused (and logged) without a query
    return await fetch(info, "Invitation", pk, invitations_to(user.email if user else ""), needs_tenant=False)


async def access_session(info: Info, pk: int | None) -> SessionFamily | None:
    """One of the signed-in user's own open sessions; another user's looks exactly like a missing one."""
    context = info.context
    user_id = context.principal.user_id
    if user_id is None:
        pk = None  # nobody's session: refused (and logged) without a query
    rows = open_sessions_of(context.settings, user_id or 0)
    return await fetch(info, "Session", pk, rows, needs_tenant=False)
