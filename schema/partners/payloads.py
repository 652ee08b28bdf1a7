"""Partner payloads: what createApiKey and revokeApiKey answer."""

from __future__ import annotations

import strawberry

from schema.errors import UserError
from schema.partners.types import ApiKey


@strawberry.type(description="The answer of createApiKey: the key and its secret, or why it was not created.")
class CreateApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(description="The new key; null when `userErrors` is not empty.")
    secret: str | None = strawberry.field(description="The key itself: shown here once, never again.")
    user_errors: list[UserError] = strawberry.field(
        description="Why the key was not created (`name`, `allowedDocuments` or `allowedDocuments.<index>`)."
    )


@strawberry.type(description="The answer of revokeApiKey.")
class RevokeApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(description="The key, now revoked.")
    user_errors: list[UserError] = strawberry.field(
        description="Always empty: a missing or foreign key is a top-level NOT_FOUND error."
    )
