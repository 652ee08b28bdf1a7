"""The tenant connection manager's life in a process: `start` (the API's lifespan, the worker, the command line)
builds it from the settings, reads the placements and starts closing idle pools (and, on the same tick, reporting
the placed databases to the metrics through the caller's `on_tick`: the models import no service); `stop` closes
every placed pool."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from config import Settings
from models.placement import routing
from models.placement.pools import manager, reset_manager

log = logging.getLogger("shulgraph.placement")

_reaper: asyncio.Task[None] | None = None


async def _close_idle_pools(every: float, on_tick: Callable[[], None] | None) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await manager().close_idle()
            if on_tick is not None:
                on_tick()
        except Exception:
            log.warning("closing idle tenant database pools failed", exc_info=True)


async def start(settings: Settings, on_tick: Callable[[], None] | None = None) -> None:
    """Start placement for this process (Tortoise must be initialised: the placements are read centrally);
    `on_tick` runs every few seconds while databases are declared."""
    global _reaper
    await stop()
    await reset_manager(settings)
    routing.forget()
    await routing.load_placements()
    if settings.tenant_databases:
        every = max(1.0, min(10.0, settings.tenant_pool_idle_seconds / 2))
        _reaper = asyncio.create_task(_close_idle_pools(every, on_tick), name="tenant-pool-reaper")


async def stop() -> None:
    global _reaper
    if _reaper is not None:
        _reaper.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await _reaper
        _reaper = None
    await manager().close_all()
