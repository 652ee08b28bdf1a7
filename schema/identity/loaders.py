"""Per-request reads of the identity domain: users by id (batched), a user's memberships, each with its
synagogue, which primes the synagogue loader so that `Membership.synagogue` costs nothing more, and the
invitations an address may still answer (`Me.invitations`)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from models.identity import Invitation, Membership, User
from schema.context import Info
from schema.synagogue.loaders import synagogue_loader
from services.identity.invitations import open_invitations_by_email
from services.identity.tenancy import memberships_of


async def _load_users(ids: list[int]) -> list[User]:
    rows = {row.id: row for row in await User.filter(id__in=ids)}
    return [rows[i] for i in ids]


def user_loader(info: Info) -> DataLoader[int, User]:
    return info.context.loaders.get("user_by_id", _load_users)


def memberships_loader(info: Info) -> DataLoader[int, list[Membership]]:
    """Memberships by user id, oldest first (only the signed-in user's are asked for: `Me.memberships`)."""

    async def load(user_ids: list[int]) -> list[list[Membership]]:
        found = [await memberships_of(user_id) for user_id in user_ids]
        synagogues = synagogue_loader(info)
        for rows in found:
            for row in rows:  # each membership's synagogue came in the same statement
                synagogues.prime(row.synagogue_id, row.synagogue)
        return found

    return info.context.loaders.get("memberships_by_user", load)


def open_invitations_loader(info: Info) -> DataLoader[str, list[Invitation]]:
    """Pending, unexpired invitations by e-mail address, newest first (only the signed-in user's: `Me`)."""
    return info.context.loaders.get("open_invitations_by_email", open_invitations_by_email)
