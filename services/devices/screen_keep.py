"""The tenants' screen feeds a process keeps after `Screen` requests over HTTP, so that a fleet of TVs polling
`Screen` is answered from the tenant's shared screen state (computed once per change) instead of computing it
for every request.

A feed is kept for `SCREEN_KEEP_SECONDS` after its tenant's last HTTP snapshot: the first one joins it, a reaper
leaves it once that time has passed without one. At most `SCREEN_KEEP_MAX_FEEDS` are kept per process; past it
the feed asked for least recently leaves. Leaving a kept feed only drops the keep's hold on it: a feed that
screens also subscribe to stays until they leave too. Whether a kept feed may answer a request is the feed's
own rule (`services.devices.screen_hub.TenantFeed.certain`).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from services.infra.cancellation import cancel_and_wait
from services.infra.metrics import gauge

F = TypeVar("F")

KEPT_FEEDS = gauge("shulgraph_screen_kept_feeds", "Tenant screen feeds kept for Screen requests over HTTP")


class KeptFeeds(Generic[F]):
    """The feeds one hub keeps (`join` holds a tenant's feed, `leave` lets it go), by tenant, least recently asked
    for first."""

    def __init__(self, join: Callable[[int], F], leave: Callable[[F], Awaitable[None]]) -> None:
        self._join = join
        self._leave = leave
        self._kept: OrderedDict[int, tuple[F, float]] = OrderedDict()  # tenant -> (feed, loop time it leaves at)
        self._leaving: list[F] = []
        self._wake = asyncio.Event()
        self._reaper: asyncio.Task[None] | None = None

    def keep(self, tenant_id: int, seconds: float, most: int) -> F:
        """The tenant's feed, kept `seconds` from now (joined if it was not kept); past `most` kept feeds the
        least recently asked for leaves."""
        until = asyncio.get_running_loop().time() + seconds
        held = self._kept.get(tenant_id)
        if held is not None:
            feed = held[0]
            self._kept[tenant_id] = (feed, until)
            self._kept.move_to_end(tenant_id)
            return feed
        feed = self._join(tenant_id)
        self._kept[tenant_id] = (feed, until)
        while len(self._kept) > max(most, 1):
            _, (oldest, _) = self._kept.popitem(last=False)
            self._leaving.append(oldest)
        KEPT_FEEDS.set(len(self._kept))
        if self._reaper is None or self._reaper.done():  # its own context: not the request's scope or transaction
            self._reaper = asyncio.create_task(self._reap(), name="screen-keep-reaper", context=contextvars.Context())
        self._wake.set()
        return feed

    def __contains__(self, tenant_id: object) -> bool:
        return tenant_id in self._kept

    def __len__(self) -> int:
        return len(self._kept)

    async def close(self) -> None:
        """Leave every kept feed (the process is shutting down)."""
        if self._reaper is not None:
            await cancel_and_wait(self._reaper)
            self._reaper = None
        self._leaving.extend(feed for feed, _ in self._kept.values())
        self._kept.clear()
        KEPT_FEEDS.set(0)
        await self._let_go()

    async def _reap(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            for tenant_id, (feed, until) in list(self._kept.items()):
                if until <= now:
                    del self._kept[tenant_id]
                    self._leaving.append(feed)
            KEPT_FEEDS.set(len(self._kept))
            await self._let_go()
            next_at = min((until for _, until in self._kept.values()), default=None)
            self._wake.clear()
            timeout = None if next_at is None else max(next_at - loop.time(), 0.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)

    async def _let_go(self) -> None:
        while self._leaving:
            await self._leave(self._leaving.pop(0))
