"""`node(id:)`, the root field of global object identification: the id's type picks the domain's road to the
object (its `access.py`), so a missing id, a foreign id and a malformed one are all null; and a caller whom the
type's own root field would refuse is refused the same way here (Z5), before anything of the object is read."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.access import NodeRoad, admit
from resolvers.analytics.nodes import NODES as ANALYTICS
from resolvers.content.nodes import NODES as CONTENT
from resolvers.devices.nodes import NODES as DEVICES
from resolvers.identity.nodes import NODES as IDENTITY
from resolvers.outbox.nodes import NODES as OUTBOX
from resolvers.partners.nodes import NODES as PARTNERS
from resolvers.platform.nodes import NODES as PLATFORM
from resolvers.synagogue.nodes import NODES as SYNAGOGUE
from resolvers.webhooks.nodes import NODES as WEBHOOKS
from schema.context import Info
from schema.relay import Node
from services.infra.ids import from_global_id

NODES: dict[str, NodeRoad] = {
    **IDENTITY,
    **SYNAGOGUE,
    **CONTENT,
    **OUTBOX,
    **DEVICES,
    **PARTNERS,
    **WEBHOOKS,
    **PLATFORM,
    **ANALYTICS,
}


async def resolve_node(info: Info, global_id: str) -> Node | None:
    parsed = from_global_id(global_id)
    if parsed is None:
        return None
    node_road = NODES.get(parsed[0])
    if node_road is None:
        return None
    await admit(info, node_road)  # the type's own root field's rule: the same refusal, nothing of the object
    node: Node | None = await node_road.resolve(info, parsed[1])
    return node


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; null when missing or not yours.")
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id, as any type gives it.")],
    ) -> Node | None:
        return await resolve_node(info, id)
