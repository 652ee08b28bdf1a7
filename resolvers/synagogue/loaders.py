"""Per-request DataLoaders of the synagogue domain."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from models.synagogue import Synagogue
from schema.context import Info


async def _load_synagogues(ids: list[int]) -> list[Synagogue]:
    rows = {row.id: row for row in await Synagogue.filter(id__in=ids)}
    return [rows[i] for i in ids]


def synagogue_loader(info: Info) -> DataLoader[int, Synagogue]:
    return info.context.loaders.get("synagogue_by_id", _load_synagogues)
