"""`node(id:)` roads of the partners domain: an `ApiKey` for ADMIN and above of its synagogue."""

from __future__ import annotations

from models.identity import Role
from permissions import require_tenant_role
from resolvers.partners.access import access_api_key
from schema.context import Info
from schema.partners.types import ApiKey
from schema.relay import NodeResolver


async def _api_key_node(info: Info, pk: int) -> ApiKey | None:
    require_tenant_role(info.context, Role.ADMIN)
    row = await access_api_key(info, pk)
    return ApiKey.of(row) if row else None


NODES: dict[str, NodeResolver] = {
    "ApiKey": _api_key_node,
}
"""The `node(id:)` road of each of this domain's Node types."""
