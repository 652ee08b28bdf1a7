"""`node(id:)` roads of fleet analytics: alert rules and alerts follow the rules of `alertRules` and `alerts`
(members of their synagogue, VIEWER and above)."""

from __future__ import annotations

from resolvers.access import NodeRoad, road
from resolvers.analytics.access import access_alert, access_alert_rule
from resolvers.analytics.queries import AnalyticsQuery
from schema.analytics.types import Alert, AlertRule
from schema.context import Info


async def _rule_node(info: Info, pk: int) -> AlertRule | None:
    row = await access_alert_rule(info, pk)
    return AlertRule.of(row) if row else None


async def _alert_node(info: Info, pk: int) -> Alert | None:
    row = await access_alert(info, pk)
    return Alert.of(row) if row else None


NODES: dict[str, NodeRoad] = {
    "AlertRule": road(_rule_node, (AnalyticsQuery, "alert_rules")),
    "Alert": road(_alert_node, (AnalyticsQuery, "alerts")),
}
"""The `node(id:)` road of each of this domain's Node types."""
