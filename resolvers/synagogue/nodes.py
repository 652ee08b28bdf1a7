"""The `node(id:)` road of the synagogue's Node type, through `access.py`."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.synagogue.access import access_synagogue
from resolvers.synagogue.queries import SynagogueQuery
from schema.context import Info
from schema.synagogue.types import Synagogue


async def _synagogue_node(info: Info, pk: int) -> Synagogue | None:
    row = await access_synagogue(info, pk)
    return Synagogue.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "Synagogue": road(_synagogue_node, (SynagogueQuery, "synagogue")),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
