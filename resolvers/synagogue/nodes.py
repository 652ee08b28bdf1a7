"""The `node(id:)` road of the synagogue's Node type, through `access.py`."""

from __future__ import annotations

from resolvers.synagogue.access import access_synagogue
from schema.context import Info
from schema.relay import NodeResolver
from schema.synagogue.types import Synagogue


async def _synagogue_node(info: Info, pk: int) -> Synagogue | None:
    row = await access_synagogue(info, pk)
    return Synagogue.of(row) if row else None


NODES: dict[str, NodeResolver] = {
    "Synagogue": _synagogue_node,
}
"""The `node(id:)` road of each of this domain's Node types."""
