"""The device sweep: every API process runs it from its start; per tick exactly one process acts.

Each tick the processes race for that tick's key in the shared key-value store (`SET NX` on Redis);
the winner announces every device whose last sign of life is older than the online window as
OFFLINE on `tenantEvents`, and expires the commands past their time to live. The sweep never waits
for a request or a subscription to arrive. With the store unreachable no process acts (events travel
over the same Redis) and the tick is skipped; the `status` field is computed from `last_seen_at` and
stays right regardless.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from dataclasses import dataclass
from typing import Any

from config import Settings
from services.devices.commands import expire_due_commands
from services.devices.registry import sweep_offline
from services.infra.errors import Unavailable
from services.infra.kv import KeyValue

log = logging.getLogger("shulgraph.devices")

OWNER = f"{socket.gethostname()}:{os.getpid()}"


def tick_key(tick: int) -> str:
    return f"upkeep:devices:{tick}"


def current_tick(tick_seconds: float, now: float | None = None) -> int:
    return int((time.time() if now is None else now) // tick_seconds)


async def claim_tick(kv: KeyValue, tick: int, tick_seconds: float) -> bool:
    """True for exactly one caller per tick across every process sharing the store."""
    try:
        return await kv.set_if_absent(tick_key(tick), OWNER, max(2, int(tick_seconds * 4)))
    except Unavailable:
        return False


@dataclass(frozen=True)
class Sweep:
    offline: int
    expired: int


async def upkeep_tick(broadcast: Any, kv: KeyValue, settings: Settings, tick: int) -> Sweep | None:
    """Run the sweep if this process wins `tick` (None when another process did)."""
    if not await claim_tick(kv, tick, settings.device_upkeep_seconds):
        return None
    offline = await sweep_offline(broadcast, window=settings.device_online_window_seconds)
    return Sweep(offline=offline, expired=await expire_due_commands(broadcast))


async def run_upkeep(state: Any) -> None:
    """Sweep at every tick boundary, from the application's start until it drains."""
    period = state.settings.device_upkeep_seconds
    while not getattr(state, "draining", False):
        tick = current_tick(period)
        try:
            await upkeep_tick(state.broadcast, state.kv, state.settings, tick)
        except Exception:
            log.warning("presence sweep failed", exc_info=True)
        await asyncio.sleep(max(0.05, (tick + 1) * period - time.time()))


def start_upkeep(state: Any) -> asyncio.Task[None]:
    """Start the sweep for an application's shared resources (`app.state`: broadcast, kv, settings)."""
    return asyncio.create_task(run_upkeep(state), name="device-upkeep")
