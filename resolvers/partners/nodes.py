"""`node(id:)` roads of the partners domain: an `ApiKey` for ADMIN and above of its synagogue."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.partners.access import access_api_key
from resolvers.partners.queries import PartnersQuery
from schema.context import Info
from schema.partners.types import ApiKey


async def _api_key_node(info: Info, pk: int) -> ApiKey | None:
    row = await access_api_key(info, pk)
    return ApiKey.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "ApiKey": road(_api_key_node, (PartnersQuery, "api_keys")),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
