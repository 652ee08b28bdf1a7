"""Fleet analytics as tests drive them: heartbeats stored at chosen times, and the worker's steps (finding anomalies,
evaluating alert rules) run for one synagogue as of a chosen slot, without waiting for the worker's clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from config import get_settings
from models.base import tenant_scope
from services.analytics.alerts import evaluate
from services.analytics.anomalies import find_anomalies
from services.devices.registry import Heartbeat, store_sample
from subscriptions.events import deferred_publications


async def beats(tenant_id: int, device_id: int, start: datetime, samples: list[tuple[float, dict[str, Any]]]) -> None:
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
