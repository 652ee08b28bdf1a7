"""The synagogue's root query: the synagogue the request acts in."""

from __future__ import annotations

import strawberry

from permissions import CanReadTenant
from schema.context import Info
from schema.synagogue.loaders import tenant_synagogue
from schema.synagogue.types import Synagogue


@strawberry.type
class SynagogueQuery:
    @strawberry.field(
        permission_classes=[CanReadTenant],
        description="The synagogue this request acts in; VIEWER and above, its devices and its partner keys.",
    )
    async def synagogue(self, info: Info) -> Synagogue:
        return Synagogue.of(await tenant_synagogue(info))
