"""Synagogue queries."""

from __future__ import annotations

import strawberry

from permissions import CanReadTenant
from resolvers.synagogue.access import access_synagogue, current_synagogue
from schema.context import Info
from schema.relay import register_node
from schema.synagogue.types import Synagogue


async def _node(info: Info, pk: int) -> Synagogue | None:
    row = await access_synagogue(info, pk)
    return Synagogue.of(row) if row else None


register_node("Synagogue", _node)


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[CanReadTenant], description="The synagogue this request acts in.")
    async def synagogue(self, info: Info) -> Synagogue:
        return Synagogue.of(await current_synagogue(info))
