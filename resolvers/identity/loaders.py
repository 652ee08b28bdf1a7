"""Per-request DataLoaders of the identity domain."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from models.identity import User
from schema.context import Info


async def _load_users(ids: list[int]) -> list[User]:
    rows = {user.id: user for user in await User.filter(id__in=ids)}
    return [rows[i] for i in ids]


def user_loader(info: Info) -> DataLoader[int, User]:
    return info.context.loaders.get("user_by_id", _load_users)
