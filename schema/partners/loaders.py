"""Per-request DataLoaders of the partners domain."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from models.partners import ApiKeyCredential
from schema.context import Info
from services.partners.api_keys import credentials_of


def credential_loader(info: Info) -> DataLoader[int, ApiKeyCredential | None]:
    async def load(key_ids: list[int]) -> Sequence[ApiKeyCredential | None]:
        found = await credentials_of(key_ids)
        return [found.get(key_id) for key_id in key_ids]

    return info.context.loaders.get("partners.credential", load)
