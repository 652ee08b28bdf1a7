"""The one road from an id to an API key: only keys of the synagogue the request acts in.

Built on the access kit (`resolvers.access.fetch`): a foreign id, a missing id and a malformed one give the same
None, logged once as a denial.
"""

from __future__ import annotations

from models.partners import ApiKey
from resolvers.access import fetch
from schema.context import Info
from services.infra.ids import decode_id


async def access_api_key(info: Info, pk: int | None, *, for_update: bool = False) -> ApiKey | None:
    """The key with primary key `pk` in the request's synagogue; `for_update` locks its row until the operation
    ends (a revocation racing another)."""
    rows = ApiKey.all().select_for_update() if for_update else ApiKey.all()
    return await fetch(info, "ApiKey", pk, rows)


async def access_api_key_by_global_id(info: Info, global_id: str, *, for_update: bool = False) -> ApiKey | None:
    return await access_api_key(info, decode_id(global_id, "ApiKey"), for_update=for_update)
