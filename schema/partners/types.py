"""Partner types: the API keys a synagogue gives its partners and the persisted documents those keys may run."""

from __future__ import annotations

from datetime import datetime

import strawberry

from models import partners as m
from schema.context import Info
from schema.partners.loaders import credential_loader
from schema.relay import Node
from services.infra.ids import to_global_id
from services.partners.documents import TrustedDocument


@strawberry.type(
    description="A trusted document: one operation of a ShulGraph client (admin app, TV, partner site), run by its "
    "id instead of its text."
)
class PersistedDocument:
    id: str = strawberry.field(description="SHA-256 of the document text: `extensions.persistedQuery.sha256Hash`.")
    operation_name: str = strawberry.field(description="The operation's name, e.g. `Synagogue` or `CreateMessage`.")
    client: str = strawberry.field(description="The client file it comes from (admin, tv, partner, public, ...).")
    operation_type: str = strawberry.field(
        description="`query`, `mutation` or `subscription`; partner keys may run queries only."
    )
    text: str = strawberry.field(description="The document as the server runs it, with the fragments it uses.")

    @classmethod
    def of(cls, document: TrustedDocument) -> PersistedDocument:
        return cls(
            id=document.id,
            operation_name=document.operation_name,
            client=document.client,
            operation_type=document.operation_type,
            text=document.text,
        )


@strawberry.type(description="A partner integration's key in this synagogue; the secret is shown only once.")
class ApiKey(Node):
    id: strawberry.ID = strawberry.field(description="The key's global id (not its secret).")
    name: str = strawberry.field(description="What the synagogue calls the partner, e.g. 'Community website'.")
    created_at: datetime = strawberry.field(description="When an admin created the key (UTC).")
    revoked_at: datetime | None = strawberry.field(description="When the key was revoked (UTC); null while it works.")
    _pk: strawberry.Private[int]

    @classmethod
    def of(cls, row: m.ApiKey) -> ApiKey:
        return cls(
            id=strawberry.ID(to_global_id("ApiKey", row.id)),
            name=row.name,
            created_at=row.created_at,
            revoked_at=row.revoked_at,
            _pk=row.id,
        )

    async def _credential(self, info: Info) -> m.ApiKeyCredential | None:
        return await credential_loader(info).load(self._pk)

    @strawberry.field(description="Ids of the persisted documents this key may run.")
    async def allowed_documents(self, info: Info) -> list[str]:
        credential = await self._credential(info)
        return list(credential.allowed_documents) if credential else []

    @strawberry.field(description="When the key was last used (UTC, to the minute); null if never.")
    async def last_used_at(self, info: Info) -> datetime | None:
        credential = await self._credential(info)
        return credential.last_used_at if credential else None

    @strawberry.field(description="True once the key is revoked: every request with it is then refused.")
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
