"""Members of a synagogue: who may act in it with which role (add, change the role, remove).

Member changes are written to the audit log of the tenant. Only an OWNER grants, changes or removes the OWNER
role, and a synagogue always keeps at least one OWNER (the owners' rows are locked while a change that could
remove the last one is decided). A member whose role changes or who is removed has their websockets closed once
the change is committed, so a reconnect reads the new role; a removed member's sessions end too.
"""

from __future__ import annotations

from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.identity import Membership, Role, User
from models.synagogue import Synagogue
from services.identity.sessions import revoke_user_sessions
from services.infra.errors import Forbidden
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.platform import audit
from subscriptions.events import after_commit
from subscriptions.sessions import close_principal_sockets


async def _require_owner_for(context: Any, *roles: Role) -> None:
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


async def _lock_members(tenant_id: int) -> None:
    """Serialise membership changes of one tenant on its synagogue row (one lock, one order: no deadlock)."""
    await Synagogue.select_for_update().filter(id=tenant_id).first()


async def _fresh(membership: Membership) -> Membership | None:
    return await Membership.get_or_none(id=membership.id, synagogue_id=membership.synagogue_id)


async def _owner_ids(tenant_id: int) -> list[int]:
    return [row.id for row in await Membership.filter(synagogue_id=tenant_id, role=Role.OWNER).order_by("id")]


async def add_member(context: Any, email: str, role: Role) -> tuple[Membership | None, list[Problem]]:
    """Give an existing user a role in the current tenant; audited."""
    await _lock_members(context.tenant_id)
    await _require_owner_for(context, role)
    user = await User.get_or_none(email=email.strip().lower())
    if user is None:
        return None, [Problem("email", "NOT_FOUND", "no user has this e-mail address")]
    taken = [Problem("email", "TAKEN", "this user is already a member")]
    if await Membership.exists(user_id=user.id, synagogue_id=context.tenant_id):
        return None, taken
    try:
        async with in_transaction():
            membership = await Membership.create(user_id=user.id, synagogue_id=context.tenant_id, role=role)
    except IntegrityError:
        return None, taken
    await audit.record(
        context, "member.add", to_global_id("Membership", membership.id), user_id=user.id, role=role.name
    )
    return membership, []


async def set_member_role(context: Any, membership: Membership, role: Role) -> tuple[Membership | None, list[Problem]]:
    """Change a member's role; the last OWNER keeps theirs. Audited; the member's sockets reconnect.
    Returns None without problems when the membership vanished meanwhile."""
    await _lock_members(membership.synagogue_id)
    current = await _fresh(membership)
    if current is None:
        return None, []
    membership = current
    await _require_owner_for(context, role, membership.role)
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
        await _close_sockets_after_commit(context, membership.user_id, "role changed")
    return membership, []


async def remove_member(context: Any, membership: Membership) -> list[Problem] | None:
    """Take a member out of the tenant; the last OWNER stays. Their sessions and sockets end.
    Returns None when the membership vanished meanwhile."""
    await _lock_members(membership.synagogue_id)
    current = await _fresh(membership)
    if current is None:
        return None
    membership = current
    await _require_owner_for(context, membership.role)
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
    await revoke_user_sessions(membership.user_id, "membership removed", context.broadcast)
    await _close_sockets_after_commit(context, membership.user_id, "membership removed")
    return []


async def _close_sockets_after_commit(context: Any, user_id: int, reason: str) -> None:
    """Close the user's websockets once the change is committed, so a reconnect reads the new role."""

    async def close() -> None:
        await close_principal_sockets(context.broadcast, f"user:{user_id}", reason)

    await after_commit(close)
