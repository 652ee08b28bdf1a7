"""Per-request DataLoaders of the platform domain."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from models.identity import User
from schema.context import Info


async def _load_actors(ids: list[int]) -> list[User | None]:
    rows = {user.id: user for user in await User.filter(id__in=ids)}
    return [rows.get(i) for i in ids]


def actor_loader(info: Info) -> DataLoader[int, User | None]:
    """Users by id, None for an id whose user was deleted (audit entries outlive their actors)."""
    return info.context.loaders.get("audit_actor_by_id", _load_actors)
