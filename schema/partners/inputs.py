"""Partner inputs: what an admin sends to create an API key."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A new partner API key: who it is for and which persisted queries it may run.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="What the synagogue calls the partner; 1 to 120 characters.")
    allowed_documents: list[str] = strawberry.field(
        description="Ids from `persistedDocuments` (queries only); 1 to 200 of them."
    )
