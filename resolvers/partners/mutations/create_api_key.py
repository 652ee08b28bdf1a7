"""createApiKey: ADMIN and above give a partner a key for this synagogue and a list of documents."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import user_errors
from schema.partners.inputs import CreateApiKeyInput
from schema.partners.payloads import CreateApiKeyPayload
from schema.partners.types import ApiKey
from services.partners.api_keys import create_key
from services.platform import audit


@strawberry.type
class CreateApiKeyMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Create a partner API key scoped to this synagogue and to persisted documents. ADMIN and above.",
    )
    async def create_api_key(
        self,
        info: Info,
        input: Annotated[CreateApiKeyInput, strawberry.argument(description="Who the key is for, what it may run.")],
    ) -> CreateApiKeyPayload | None:
        new, problems = await create_key(input.name, input.allowed_documents, info.context.principal.user_id)
        if new is None:
            return CreateApiKeyPayload(api_key=None, secret=None, user_errors=user_errors(problems))
        api_key = ApiKey.of(new.key)
        await audit.record(info.context, action="api_key.create", target_id=api_key.id, name=new.key.name)
        return CreateApiKeyPayload(api_key=api_key, secret=new.secret, user_errors=[])
