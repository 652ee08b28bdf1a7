"""Per-request reads of the identity domain: a user's memberships, each with its synagogue, which primes the
synagogue loader so that `Membership.synagogue` costs nothing more."""

from __future__ import annotations

from typing import cast

from strawberry.dataloader import DataLoader

from models.identity import Membership
from models.synagogue import Synagogue
from schema.context import Info
from schema.synagogue.loaders import synagogue_loader
from services.identity.tenancy import memberships_of


def memberships_loader(info: Info) -> DataLoader[int, list[Membership]]:
    """Memberships by user id, oldest first (only the signed-in user's are asked for: `Me.memberships`)."""

    async def load(user_ids: list[int]) -> list[list[Membership]]:
        found = [await memberships_of(user_id) for user_id in user_ids]
        synagogues = synagogue_loader(info)
        for rows in found:
            for row in rows:  # each membership's synagogue came in the same statement
                synagogues.prime(row.synagogue_id, cast(Synagogue, row.synagogue))
        return found

    return info.context.loaders.get("memberships_by_user", load)
