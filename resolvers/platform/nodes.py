"""`node(id:)` roads of the platform domain: audit entries, as `resolvers.platform.access` allows them."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.platform.access import access_audit_entry, access_platform_audit_entry
from resolvers.platform.queries import PlatformQuery
from schema.context import Info
from schema.platform.types import AuditEntry, PlatformAuditEntry


async def _audit_entry_node(info: Info, pk: int) -> AuditEntry | None:
    row = await access_audit_entry(info, pk)
    return AuditEntry.of(row) if row else None


async def _platform_audit_entry_node(info: Info, pk: int) -> PlatformAuditEntry | None:
    row = await access_platform_audit_entry(info, pk)
    return PlatformAuditEntry.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "AuditEntry": road(_audit_entry_node, (PlatformQuery, "audit_log")),
    "PlatformAuditEntry": road(_platform_audit_entry_node, (PlatformQuery, "platform_audit_log")),
}
"""The `node(id:)` road of each of this domain's Node types, each following the rule of the root field that lists
the type (Z5)."""
