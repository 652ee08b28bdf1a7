"""Synagogue queries."""

from __future__ import annotations

import strawberry

from permissions import CanReadTenant
from resolvers.synagogue.access import access_synagogue, current_synagogue
from schema.context import Info
from schema.relay import NodeResolver
from schema.synagogue.types import Synagogue


async def _node(info: Info, pk: int) -> Synagogue | None:
    row = await access_synagogue(info, pk)
    return Synagogue.of(row) if row else None




NODES: dict[str, NodeResolver] = {
    "Synagogue": _node,
}
"""The `node(id:)` road of each of this domain's Node types."""


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[CanReadTenant], description="The synagogue this request acts in.")
    async def synagogue(self, info: Info) -> Synagogue:
        return Synagogue.of(await current_synagogue(info))
