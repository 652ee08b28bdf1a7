"""Partner queries (ADMIN and above): the catalogue of persisted documents and the synagogue's API keys."""

from __future__ import annotations

from typing import Annotated

import strawberry

import services.partners.api_keys  # noqa: F401  (registers the `ApiKey` credential scheme)
from models import partners as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.partners.types import ApiKey, PersistedDocument
from schema.relay import Connection, paginate
from services.partners.documents import catalogue


@strawberry.type
class PartnersQuery:
    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The catalogue of trusted documents, with the id a client sends as its sha256Hash. "
        "ADMIN and above.",
    )
    def persisted_documents(self, info: Info) -> list[PersistedDocument] | None:
        return [PersistedDocument.of(document) for document in catalogue().all()]

    @strawberry.field(
        permission_classes=[HasRole(Role.ADMIN)], description="Partner API keys, newest first. ADMIN and above."
    )
    async def api_keys(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many keys, 1 to 100.")] = 50,
        after: Annotated[
            str | None, strawberry.argument(description="The `endCursor` of the previous page; null for the first.")
        ] = None,
        include_revoked: Annotated[
            bool, strawberry.argument(description="Also list revoked keys (by default only working ones).")
        ] = False,
    ) -> Connection[ApiKey] | None:
        queryset = m.ApiKey.all() if include_revoked else m.ApiKey.filter(revoked_at__isnull=True)
        return await paginate(info, queryset.order_by("-id"), first, after, ApiKey.of)
