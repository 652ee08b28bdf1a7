"""revokeApiKey: ADMIN and above revoke a partner key of this synagogue; it stops working at once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.partners.access import access_api_key_by_global_id
from schema.context import Info
from schema.errors import not_found
from schema.partners.payloads import RevokeApiKeyPayload
from schema.partners.types import ApiKey
from services.partners.api_keys import revoke_key
from services.platform import audit


@strawberry.type
class RevokeApiKeyMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Revoke a partner API key: requests with it are refused from now on. ADMIN and above.",
    )
    async def revoke_api_key(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The key's global id.")]
    ) -> RevokeApiKeyPayload | None:
        row = await access_api_key_by_global_id(info, id, for_update=True)
        if row is None:
            raise not_found("API key")
        await revoke_key(row)
        await audit.record(info.context, action="api_key.revoke", target_id=str(id))
        return RevokeApiKeyPayload(api_key=ApiKey.of(row), user_errors=[])
