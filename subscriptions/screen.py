"""The `screenUpdated` stream of one device: the shared tenant feed, seen through its settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from services.devices.presence import live_presence
from services.devices.screen_hub import hub_for
from services.devices.screen_state import ScreenState
from subscriptions.fanout import share

T = TypeVar("T")


async def screen_stream(
    broadcast: Any, tenant_id: int, device_id: int, debounce_seconds: float = 0.05
) -> AsyncIterator[ScreenState]:
    async with live_presence(broadcast, device_id, tenant_id):
        async for state in hub_for(broadcast, debounce_seconds).stream(tenant_id, device_id):
            yield state


def shared_payload(state: ScreenState, build: Callable[[ScreenState], T]) -> T:
    """The subscription payload of a state, built once and shared (`subscriptions.fanout.share`) by every
    screen of this process that receives the state: same tenant, same settings projection, same content."""
    payload: T | None = state.payloads.get(build)
    if payload is None:
        payload = build(state)
        state.payloads[build] = payload
    assert state.tenant_id is not None, "only a feed's states are shared"
    return share(payload, (state.tenant_id, state.variant, state.version))
