"""The one road from an id to an alert rule or an alert: only rows of the synagogue the request acts in; a foreign
id, a missing one and a malformed one give the same None (built on `resolvers.access.fetch`)."""

from __future__ import annotations

from models.analytics import Alert, AlertRule
from resolvers.access import fetch
from schema.context import Info
from services.infra.ids import decode_id


async def access_alert_rule(info: Info, pk: int | None) -> AlertRule | None:
    return await fetch(info, "AlertRule", pk, AlertRule)


async def access_alert_rule_by_global_id(info: Info, global_id: str) -> AlertRule | None:
    return await access_alert_rule(info, decode_id(global_id, "AlertRule"))


async def access_alert(info: Info, pk: int | None) -> Alert | None:
    return await fetch(info, "Alert", pk, Alert)


async def access_alert_by_global_id(info: Info, global_id: str) -> Alert | None:
    return await access_alert(info, decode_id(global_id, "Alert"))
