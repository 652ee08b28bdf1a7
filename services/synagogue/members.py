"""Members of a synagogue: who may act in it with which role (change the role, remove; a new member comes only
through an accepted invitation, `services.identity.invitations`).

Member changes are written to the audit log of the tenant. Only an OWNER grants, changes or removes the OWNER
role, and a synagogue always keeps at least one OWNER (the owners' rows are locked while a change that could
remove the last one is decided). A member whose role changes or who is removed has their websockets that act in
this synagogue closed once the change is committed, so a reconnect reads the new role, and every process drops
the caller it kept for them (`subscriptions.revocations`); their sessions, and their
sockets in other synagogues, live on (Z6): removal ends access to this synagogue only.
"""

from __future__ import annotations

from typing import Any

from models.identity import Membership, Role
from models.synagogue import Synagogue
from services.infra.errors import Forbidden
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.events import after_commit
from subscriptions.revocations import announce
from subscriptions.sessions import close_principal_sockets, member_key


async def require_owner_for(context: Any, *roles: Role) -> None:
    """Refuse an OWNER change unless the caller is an OWNER now (re-read under the members lock:
    a caller demoted by a concurrent request no longer counts as OWNER)."""
    if Role.OWNER not in roles:
        return
    role = context.role
    if not context.impersonating:
        row = await Membership.get_or_none(user_id=context.principal.user_id, synagogue_id=context.tenant_id)
        role = row.role if row else None
    if role != Role.OWNER:
        raise Forbidden("only an OWNER may grant, change or remove the OWNER role")


async def lock_members(tenant_id: int) -> None:
    """Serialise membership changes of one tenant on its synagogue row (one lock, one order: no deadlock)."""
    await Synagogue.select_for_update().filter(id=tenant_id).first()


async def _fresh(membership: Membership) -> Membership | None:
    return await Membership.get_or_none(id=membership.id, synagogue_id=membership.synagogue_id)


async def _owner_ids(tenant_id: int) -> list[int]:
    return [row.id for row in await Membership.filter(synagogue_id=tenant_id, role=Role.OWNER).order_by("id")]


async def set_member_role(context: Any, membership: Membership, role: Role) -> tuple[Membership | None, list[Problem]]:
    """Change a member's role; the last OWNER keeps theirs. Audited; the member's sockets reconnect.
    Returns None without problems when the membership vanished meanwhile."""
    await lock_members(membership.synagogue_id)
    current = await _fresh(membership)
    if current is None:
        return None, []
    membership = current
    await require_owner_for(context, role, membership.role)
    demoting_owner = membership.role == Role.OWNER and role != Role.OWNER
    if demoting_owner and await _owner_ids(membership.synagogue_id) == [membership.id]:
        return None, [Problem("role", "LAST_OWNER", "a synagogue must keep at least one OWNER")]
    previous = membership.role
    if previous != role:
        membership.role = role
        await membership.save(update_fields=["role"])
        await audit.record(
            context,
            "member.role",
            to_global_id("Membership", membership.id),
            user_id=membership.user_id,
            previous=previous.name,
            role=role.name,
        )
        await _close_sockets_after_commit(context, membership, "role changed")
    return membership, []


async def remove_member(context: Any, membership: Membership) -> list[Problem] | None:
    """Take a member out of the tenant; the last OWNER stays. Their sockets in this synagogue close.
    Returns None when the membership vanished meanwhile."""
    await lock_members(membership.synagogue_id)
    current = await _fresh(membership)
    if current is None:
        return None
    membership = current
    await require_owner_for(context, membership.role)
    if membership.role == Role.OWNER and await _owner_ids(membership.synagogue_id) == [membership.id]:
        return [Problem("id", "LAST_OWNER", "a synagogue must keep at least one OWNER")]
    await Membership.filter(id=membership.id, synagogue_id=membership.synagogue_id).delete()
    await audit.record(
        context,
        "member.remove",
        to_global_id("Membership", membership.id),
        user_id=membership.user_id,
        role=membership.role.name,
    )
    await _close_sockets_after_commit(context, membership, "membership removed")
    return []


async def _close_sockets_after_commit(context: Any, membership: Membership, reason: str) -> None:
    """Tell every process that the member's role changed (what they keep of the member goes), and close the
    member's websockets in this synagogue once the change is committed, so a reconnect reads the new role (or is
    refused); their sockets in other synagogues are not theirs to close."""
    key = member_key(membership.synagogue_id, membership.user_id)
    await announce(f"user:{membership.user_id}")  # the role every process keeps for the member (and after commit)

    async def close() -> None:
        await close_principal_sockets(context.broadcast, key, reason)

    await after_commit(close)
