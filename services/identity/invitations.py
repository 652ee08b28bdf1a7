"""Invitations: the only road to a new membership (Z6). Nobody becomes a member without accepting.

`addMember` (`invite`) offers a role in the synagogue to an e-mail address: it stores a PENDING invitation with
the SHA-256 of a single-use token (`sgi_…`) and queues an e-mail carrying the token, in the operation's
transaction. Whether the address has an account is never looked up, so the inviter's answer is the same for both
(one that already belongs to a member gets that membership back instead, which the members list shows anyway).
Inviting an address again revokes its earlier pending invitation and sends a new token.

The invitee answers with the token, signed in with the invited address (`accept`, `decline`); the e-mail is the
proof of the mailbox, since account addresses are not verified. An invitation is answered once (a compare-and-swap
on its status), and not after `invitation_ttl_seconds`. The synagogue's ADMINs list and revoke pending ones (only an
OWNER revokes an OWNER invitation, as only an OWNER sends one). Every change is audited in the synagogue's log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from tortoise.queryset import QuerySet

from config import Settings
from models.base import tenant_scope
from models.identity import Invitation, InvitationStatus, Membership, Role, User
from models.synagogue import Synagogue
from services.identity.tokens import PREFIXES, hash_secret, new_secret
from services.identity.users import email_problems, normalise_email
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.outbox.mail import enqueue_email
from services.platform import audit
from services.synagogue.members import lock_members, require_owner_for
from subscriptions.revocations import announce

MAX_TOKEN_LENGTH = 100
WRONG_ACCOUNT = "this invitation was sent to another e-mail address: sign in with that address to answer it"


@dataclass(frozen=True)
class Invited:
    """What `addMember` answers: a new invitation, or the membership the address already has."""

    invitation: Invitation | None = None
    membership: Membership | None = None
    problems: list[Problem] = field(default_factory=list)


def is_expired(invitation: Invitation, now: datetime | None = None) -> bool:
    return invitation.status == InvitationStatus.PENDING and invitation.expires_at <= (now or datetime.now(UTC))


async def invite(context: Any, email: str, role: Role) -> Invited:
    """Invite `email` to the current synagogue with `role`; the token goes only into the e-mail."""
    address = normalise_email(email)
    problems = email_problems(address)
    if problems:
        return Invited(problems=problems)
    tenant_id = context.tenant_id
    await lock_members(tenant_id)
    await require_owner_for(context, role)
    member = await Membership.filter(synagogue_id=tenant_id, user__email=address).first()
    if member is not None:
        return Invited(membership=member)
    now = datetime.now(UTC)
    replaced = await Invitation.filter(synagogue_id=tenant_id, email=address, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, answered_at=now
    )
    token = new_secret("invitation")
    invitation = await Invitation.create(
        synagogue_id=tenant_id,
        email=address,
        role=role,
        token_hash=hash_secret(token),
        invited_by_id=context.principal.user_id,
        expires_at=now + timedelta(seconds=context.settings.invitation_ttl_seconds),
    )
    synagogue = await Synagogue.get(id=tenant_id)
    subject, body = invitation_mail(context.settings, synagogue, context.principal.user, invitation, token)
    await enqueue_email(address, subject, body)
    gid = to_global_id("Invitation", invitation.id)
    await audit.record(context, "invitation.create", gid, email=address, role=role.name, replaced=replaced)
    return Invited(invitation=invitation)


def invitation_mail(
    settings: Settings, synagogue: Synagogue, inviter: User | None, invitation: Invitation, token: str
) -> tuple[str, str]:
    """The invitation e-mail: the same words whether or not the address has an account."""
    who = (inviter.display_name or inviter.email) if inviter else "An administrator"
    page = settings.invitation_accept_url
    if page:
        answer = f"open this page to accept or decline it:\n\n  {page}{'&' if '?' in page else '?'}token={quote(token)}"
    else:
        answer = f"accept or decline it in the ShulGraph admin app with this invitation code:\n\n  {token}"
    body = (
        f"{who} invites you to join {synagogue.name} on ShulGraph as {invitation.role.name}.\n\n"
        f"Sign in with this e-mail address ({invitation.email}), or register with it if you have no account yet, "
        f"then {answer}\n\n"
        f"The invitation works once and expires on {invitation.expires_at:%Y-%m-%d %H:%M} UTC. "
        "If you did not expect it, ignore this message: nothing happens unless you accept.\n"
    )
    return f"You are invited to {synagogue.name}", body


async def by_token(user: User, token: str) -> tuple[Invitation | None, list[Problem]]:
    """The invitation a token names, if it was sent to the signed-in user's address."""
    row = None
    if token.startswith(PREFIXES["invitation"]) and len(token) <= MAX_TOKEN_LENGTH:
        row = await Invitation.get_or_none(token_hash=hash_secret(token))
    if row is None:
        return None, [Problem("token", "NOT_FOUND", "no invitation has this token")]
    if row.email != normalise_email(user.email):
        return None, [Problem("token", "WRONG_ACCOUNT", WRONG_ACCOUNT)]
    return row, []


def naming_problems(token: str | None, invitation_id: str | None) -> list[Problem]:
    """An invitation is named by exactly one of its token and its id."""
    if (token is None) == (invitation_id is None):
        return [Problem(None, "INVALID", "give exactly one of token and id")]
    return []


def state_problems(invitation: Invitation, field: str, now: datetime | None = None) -> list[Problem]:
    """Why an invitation can no longer be answered (or revoked); none while it is pending."""
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.DECLINED):
        return [Problem(field, "ALREADY_USED", "this invitation was answered already; it works once")]
    if invitation.status == InvitationStatus.REVOKED:
        return [Problem(field, "REVOKED", "this invitation was withdrawn; ask the synagogue for a new one")]
    if is_expired(invitation, now):
        return [Problem(field, "EXPIRED", "this invitation expired; ask the synagogue for a new one")]
    return []


async def _close(invitation: Invitation, status: InvitationStatus, now: datetime) -> bool:
    """Move a pending, unexpired invitation to `status`, once (compare-and-swap); False when it was not."""
    claimed = await Invitation.filter(id=invitation.id, status=InvitationStatus.PENDING, expires_at__gt=now).update(
        status=status, answered_at=now
    )
    return bool(claimed)


async def _fresh_problems(invitation: Invitation, field: str, now: datetime) -> list[Problem]:
    current = await Invitation.get(id=invitation.id)
    return state_problems(current, field, now) or [Problem(field, "ALREADY_USED", "this invitation was answered")]


async def accept(context: Any, user: User, invitation: Invitation) -> tuple[Membership | None, list[Problem]]:
    """Make the user a member with the invitation's role (a member already keeps their role). Audited."""
    now = datetime.now(UTC)
    async with tenant_scope(invitation.synagogue_id):
        await lock_members(invitation.synagogue_id)
        if not await _close(invitation, InvitationStatus.ACCEPTED, now):
            return None, await _fresh_problems(invitation, "token", now)
        membership = await Membership.get_or_none(user_id=user.id, synagogue_id=invitation.synagogue_id)
        if membership is None:
            membership = await Membership.create(
                user_id=user.id, synagogue_id=invitation.synagogue_id, role=invitation.role
            )
        await audit.record(
            context,
            "invitation.accept",
            to_global_id("Invitation", invitation.id),
            membership=to_global_id("Membership", membership.id),
            user_id=user.id,
            role=membership.role.name,
        )
    await announce(f"user:{user.id}")  # a caller kept without a tenant header may now have two synagogues
    return membership, []


async def accept_token(context: Any, user: User, token: str) -> tuple[Membership | None, list[Problem]]:
    """`accept` the invitation a token names, when it was sent to the user's address."""
    invitation, problems = await by_token(user, token)
    if invitation is None:
        return None, problems
    return await accept(context, user, invitation)


async def decline(
    context: Any, user: User, invitation: Invitation, field: str
) -> tuple[Invitation | None, list[Problem]]:
    """Turn an invitation down; audited in its synagogue."""
    now = datetime.now(UTC)
    async with tenant_scope(invitation.synagogue_id):
        if not await _close(invitation, InvitationStatus.DECLINED, now):
            return None, await _fresh_problems(invitation, field, now)
        await audit.record(context, "invitation.decline", to_global_id("Invitation", invitation.id), user_id=user.id)
    return await Invitation.get(id=invitation.id), []


async def revoke(context: Any, invitation: Invitation) -> tuple[Invitation | None, list[Problem]]:
    """Withdraw a pending invitation of the current synagogue (expired or not); audited. Only an OWNER revokes
    an OWNER invitation."""
    await lock_members(invitation.synagogue_id)
    await require_owner_for(context, invitation.role)
    now = datetime.now(UTC)
    claimed = await Invitation.filter(id=invitation.id, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, answered_at=now
    )
    current = await Invitation.get(id=invitation.id)
    if not claimed:
        return None, state_problems(current, "id", now)
    await audit.record(context, "invitation.revoke", to_global_id("Invitation", invitation.id), email=current.email)
    return current, []


def invitations_of(tenant_id: int, status: str) -> QuerySet[Invitation]:
    """A synagogue's invitations in one state (`EXPIRED`: pending past their end), newest first."""
    now = datetime.now(UTC)
    rows = Invitation.filter(synagogue_id=tenant_id).order_by("-id")
    if status == "EXPIRED":
        return rows.filter(status=InvitationStatus.PENDING, expires_at__lte=now)
    if status == InvitationStatus.PENDING:
        return rows.filter(status=InvitationStatus.PENDING, expires_at__gt=now)
    return rows.filter(status=InvitationStatus(status))


def invitations_to(email: str) -> QuerySet[Invitation]:
    """Every invitation sent to an address, answered or not (what its owner may name by id)."""
    return Invitation.filter(email=normalise_email(email))


async def open_invitations_by_email(emails: list[str]) -> list[list[Invitation]]:
    """The invitations each address may still answer (pending, unexpired), newest first, in one statement."""
    addresses = [normalise_email(email) for email in emails]
    found: dict[str, list[Invitation]] = {address: [] for address in addresses}
    now = datetime.now(UTC)
    pending = Invitation.filter(email__in=addresses, status=InvitationStatus.PENDING, expires_at__gt=now)
    for row in await pending.order_by("-id"):
        found[row.email].append(row)
    return [found[address] for address in addresses]
