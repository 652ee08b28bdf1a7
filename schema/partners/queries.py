"""Partner queries: the persisted-document catalogue and the synagogue's API keys."""

from __future__ import annotations

import strawberry

import services.partners.api_keys  # noqa: F401  (registers the `ApiKey` credential scheme)
from models import partners as m
from models.identity import Role
from permissions import HasRole
from resolvers.partners.access import access_api_key
from schema.context import Info
from schema.partners.types import ApiKey, PersistedDocument
from schema.relay import Connection, NodeResolver, paginate
from services.partners.documents import catalogue


async def _api_key_node(info: Info, pk: int) -> ApiKey | None:
    from permissions import require_tenant_role

    require_tenant_role(info.context, Role.ADMIN)
    row = await access_api_key(info, pk)
    return ApiKey.of(row) if row else None




NODES: dict[str, NodeResolver] = {
    "ApiKey": _api_key_node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The catalogue of trusted documents, with the id a client sends as its sha256Hash.",
    )
    def persisted_documents(self, info: Info) -> list[PersistedDocument] | None:
        return [PersistedDocument.of(document) for document in catalogue().all()]

    @strawberry.field(permission_classes=[HasRole(Role.ADMIN)], description="Partner API keys, newest first.")
    async def api_keys(
        self, info: Info, first: int = 50, after: str | None = None, include_revoked: bool = False
    ) -> Connection[ApiKey] | None:
        queryset = m.ApiKey.all() if include_revoked else m.ApiKey.filter(revoked_at__isnull=True)
        return await paginate(info, queryset.order_by("-id"), first, after, ApiKey.of)
