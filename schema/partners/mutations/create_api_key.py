"""createApiKey: ADMIN and above give a partner a key for this synagogue and a list of documents."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.errors import UserError, UserErrorCode, user_error
from schema.partners.inputs import CreateApiKeyInput
from schema.partners.types import ApiKey
from services.partners.api_keys import MAX_NAME_LENGTH, check_documents, create_key
from services.partners.documents import catalogue
from services.platform import audit


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKey | None
    secret: str | None = strawberry.field(description="The key itself: shown here once, never again.")
    user_errors: list[UserError]


@strawberry.type
class CreateApiKeyMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Create a partner API key scoped to this synagogue and to persisted documents.",
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload | None:
        errors: list[UserError] = []
        name = input.name.strip()
        if not name:
            errors.append(user_error("name", UserErrorCode.REQUIRED, "name the key"))
        elif len(name) > MAX_NAME_LENGTH:
            errors.append(user_error("name", UserErrorCode.TOO_LONG, f"at most {MAX_NAME_LENGTH} characters"))
        for problem in check_documents(catalogue(), input.allowed_documents):
            field = ["allowedDocuments"] if problem.index is None else ["allowedDocuments", str(problem.index)]
            code = UserErrorCode.REQUIRED if not input.allowed_documents else UserErrorCode.INVALID
            errors.append(user_error(field, code, problem.message))
        if errors:
            return CreateApiKeyPayload(api_key=None, secret=None, user_errors=errors)
        key, secret = await create_key(name, input.allowed_documents, info.context.principal.user_id)
        global_id = ApiKey.of(key).id
        await audit.record(info.context, action="api_key.create", target_id=global_id, name=name)
        return CreateApiKeyPayload(api_key=ApiKey.of(key), secret=secret, user_errors=[])
