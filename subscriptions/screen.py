"""The `screenUpdated` stream of one device: the shared tenant feed, seen through its settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from services.devices import live_presence
from services.screen import hub_for
from services.screen_state import ScreenState


async def screen_stream(
    broadcast: Any, tenant_id: int, device_id: int, debounce_seconds: float = 0.05
) -> AsyncIterator[ScreenState]:
    async with live_presence(broadcast, device_id, tenant_id):
        async for state in hub_for(broadcast, debounce_seconds).stream(tenant_id, device_id):
            yield state
