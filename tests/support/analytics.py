"""Fleet analytics as tests drive them: heartbeats stored at chosen times, and the worker's steps (finding anomalies,
evaluating alert rules) run for one synagogue as of a chosen slot, without waiting for the worker's clock."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from config import get_settings
from models.base import tenant_scope
from services.analytics.alerts import evaluate
from services.analytics.anomalies import find_anomalies
from services.devices.registry import Heartbeat, store_sample
from subscriptions.events import deferred_publications
from tests.support.actors import Actor
from tests.support.graphql import GQL


async def beats(
    tenant_id: int, device_id: int, start: datetime, samples: Sequence[tuple[float, Mapping[str, Any]]]
) -> None:
    """Store heartbeats `(minutes after start, metric values)` of one device."""
    async with tenant_scope(tenant_id):
        for minute, values in samples:
            await store_sample(device_id, Heartbeat(**values), start + timedelta(minutes=minute))


async def find(tenant_id: int, slot: datetime) -> int:
    """The anomaly slot ending at `slot`, for one synagogue; how many anomalies were new."""
    async with tenant_scope(tenant_id):
        return await find_anomalies(slot, get_settings())


async def evaluate_rules(tenant_id: int, as_of: datetime) -> dict[str, int]:
    """One synagogue's alert evaluation as of `as_of`, its events published after it commits."""
    async with deferred_publications(), tenant_scope(tenant_id):
        return await evaluate(as_of)



async def create_rule(gql: GQL, admin: Actor, **fields: Any) -> str:
    """An alert rule of the admin's synagogue, created through the API; its global id."""
    result = await gql.trusted("CreateAlertRule", {"input": fields}, actor=admin)
    payload = result["data"]["createAlertRule"]
    assert payload["userErrors"] == [], result
    rule_id: str = payload["alertRule"]["id"]
    return rule_id


async def queued(owner_db: asyncpg.Connection, tenant_id: int, kind: str) -> list[dict[str, Any]]:
    """The payloads of the jobs of `kind` queued for a synagogue, oldest first (read past row-level security)."""
    rows = await owner_db.fetch(
        "SELECT payload FROM job WHERE tenant_id = $1 AND kind = $2 ORDER BY id", tenant_id, kind
    )
    return [json.loads(row["payload"]) for row in rows]
