"""Partner inputs."""

from __future__ import annotations

import strawberry


@strawberry.input
class CreateApiKeyInput:
    name: str
    allowed_documents: list[str] = strawberry.field(description="Ids from `persistedDocuments` (queries only).")
