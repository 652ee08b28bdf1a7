"""The one road from an id to an API key: only keys of the tenant the request acts in.

A foreign id and a missing id give the same None, and both are logged as a denial.
"""

from __future__ import annotations

import logging

from models.partners import ApiKey
from schema.context import Info
from services.infra.ids import decode_id

log = logging.getLogger("shulgraph.access")


async def access_api_key(info: Info, pk: int | None, *, for_update: bool = False) -> ApiKey | None:
    tenant_id = info.context.tenant_id
    row = None
    if pk is not None and tenant_id is not None:
        query = ApiKey.filter(id=pk, tenant_id=tenant_id)
        row = await (query.select_for_update() if for_update else query).first()
    if row is None:
        log.info(
            "access denied or missing",
            extra={
                "type": "ApiKey",
                "id": pk,
                "tenant": tenant_id,
                "principal": info.context.principal.describe(),
            },
        )
    return row


async def access_api_key_by_global_id(info: Info, global_id: str, *, for_update: bool = False) -> ApiKey | None:
    return await access_api_key(info, decode_id(global_id, "ApiKey"), for_update=for_update)
