"""One tenant's screen content, computed once per change and shared by its screens in this process.

A `TenantFeed` listens on the tenant's content channel, coalesces bursts of changes (`screen_debounce_seconds`),
recomputes the content once, and wakes every subscriber; each subscriber takes the projection for its device's
settings, cached per distinct settings, so 50 screens with the same settings cost one computation and one
projection per change. The feed also recomputes at the content's `valid_until` (a time boundary) and after the
broker reconnects (a `RESYNC`), since messages published meanwhile are lost.

Whether the shared content may answer a `Screen` request over HTTP is `TenantFeed.certain`: it was computed while
the channel was listened to in the broker connection's current epoch (`SharedChannels.epoch`), nothing was heard
since its computation began (a message, a publication of this process heard at once through
`SharedChannels.on_publish`, a time boundary, a lost subscription), and its next boundary has not passed.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from services.devices.screen_state import BaseContent, ScreenState, content_data, project, variant_key
from services.devices.screen_watches import FeedWatches
from services.infra.metrics import counter
from subscriptions.backend import SharedChannels
from subscriptions.channels import tenant_content

log = logging.getLogger("shulgraph.screen")

COMPUTATIONS = counter("shulgraph_screen_computations_total", "Screen contents computed, per tenant change")
PROJECTIONS = counter("shulgraph_screen_projections_total", "Screen states projected for distinct device settings")
MAX_TIMER_SECONDS = 6 * 3600
LISTEN_WAIT_SECONDS = 5.0
"""How long a feed's first computation waits for its channel to be listened to (the broker slow or away)."""


class FeedHost(Protocol):
    """What a feed needs of its hub (`services.devices.screen_hub.ScreenHub`)."""

    broadcast: Any
    debounce_seconds: float

    def epoch(self) -> int | None: ...

    async def source(self, tenant_id: int, now: datetime) -> Any: ...


class TenantFeed:
    """One tenant's shared screen content in this process, recomputed on every change it hears of."""

    def __init__(self, hub: FeedHost, tenant_id: int) -> None:
        self.hub = hub
        self.tenant_id = tenant_id
        self.subscribers = 0
        self.base: BaseContent | None = None
        self.variants: dict[str, ScreenState] = {}
        self.device_changes: dict[int, int] = {}
        self.changed = asyncio.Event()
        self.listening = asyncio.Event()  # set while the tenant's content channel is subscribed
        self._dirty = asyncio.Event()
        self._heard = 0  # changes heard: messages, this process's publications, boundaries, a lost subscription
        self._base_mark: tuple[int | None, int] = (None, -1)  # (epoch, changes heard) as the base's refresh began
        self._lock = asyncio.Lock()
        self._tasks: list[asyncio.Task[None]] = []
        self._timer: asyncio.TimerHandle | None = None
        self._unhook: Callable[[], None] | None = None
        self._wanted = False  # a request over HTTP asked for the shared content
        self.watches = FeedWatches(self)

    def start(self) -> None:
        broadcast = self.hub.broadcast
        if isinstance(broadcast, SharedChannels):
            self._unhook = broadcast.on_publish(tenant_content(self.tenant_id), self._on_own)
        # Contexts of their own: a feed joined inside a request must not run in its scope or transaction.
        self._tasks = [
            asyncio.create_task(self._listen(), context=contextvars.Context()),
            asyncio.create_task(self._refresher(), context=contextvars.Context()),
        ]

    async def stop(self) -> None:
        if self._unhook is not None:
            self._unhook()
            self._unhook = None
        if self._timer:
            self._timer.cancel()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.watches.stop()

    def _notify(self) -> None:
        self.changed.set()
        self.changed = asyncio.Event()
        self.watches.schedule()

    async def current(self) -> BaseContent:
        if self.base is None:
            with contextlib.suppress(TimeoutError):  # read after the channel is listened to: no change missed
                await asyncio.wait_for(self.listening.wait(), LISTEN_WAIT_SECONDS)
            await self.refresh(initial=True)
        assert self.base is not None
        return self.base

    async def refresh(self, initial: bool = False) -> None:
        async with self._lock:
            if initial and self.base is not None:
                return
            mark = (self.hub.epoch() if self.listening.is_set() else None, self._heard)  # before the database
            now = datetime.now(UTC)
            content = await self.hub.source(self.tenant_id, now)
            COMPUTATIONS.inc()
            self.base = content_data(content)
            self._base_mark = mark
            self.variants = {}
            self._schedule(self.base.wake_at, now)
        if not initial:
            self._notify()

    def certain(self, now: datetime) -> bool:
        """Whether the base certainly shows the tenant's content at `now`: computed while the channel was listened
        to in the broker connection's current epoch, nothing heard since its computation began (no message, no
        publication of this process, no boundary, no lost subscription), and its next boundary not passed."""
        if self.base is None or self._dirty.is_set() or not self.listening.is_set():
            return False
        epoch, heard = self._base_mark
        if epoch is None or epoch != self.hub.epoch() or heard != self._heard:
            return False
        wake_at = self.base.wake_at
        return wake_at is None or now < wake_at

    def wanted(self) -> None:
        """A request found the feed not certain: have it computed (once the channel is listened to, when it is not
        yet), unless a computation is already pending or running: that one answers the next requests (a request
        that asked again during it would leave every computation uncertain under steady load)."""
        self._wanted = True
        idle = not self._dirty.is_set() and not self._lock.locked()
        if idle and self.listening.is_set() and self.hub.epoch() is not None:
            self._stale()

    def _listened(self) -> None:
        """The channel is listened to: compute the content if it was asked for, or computed before (when it may have
        missed a change)."""
        self.listening.set()
        unheard = self._wanted if self.base is None else self._base_mark[0] is None
        if unheard and self.hub.epoch() is not None:
            self._stale()

    def _stale(self) -> None:
        """Something the base may not show happened: compute it again (after the debounce)."""
        self._heard += 1
        self._dirty.set()

    def state_for(self, settings: dict[str, Any], key: str | None = None) -> ScreenState:
        """The shared state for one settings projection (`key`: its `variant_key`, when known)."""
        assert self.base is not None
        key = key if key is not None else variant_key(settings)
        state = self.variants.get(key)
        if state is None:
            state = project(self.base, settings, tenant_id=self.tenant_id, variant=key)
            PROJECTIONS.inc()
            self.variants[key] = state
        return state

    def _schedule(self, valid_until: datetime | None, now: datetime) -> None:
        if self._timer:
            self._timer.cancel()
            self._timer = None
        if valid_until is None:
            return
        delay = min(max((valid_until - now).total_seconds(), 0.0) + 0.05, MAX_TIMER_SECONDS)
        self._timer = asyncio.get_running_loop().call_later(delay, self._stale)

    async def _refresher(self) -> None:
        while True:
            await self._dirty.wait()
            await asyncio.sleep(self.hub.debounce_seconds)
            self._dirty.clear()
            try:
                await self.refresh()
            except Exception:
                log.exception("screen refresh failed; retrying", extra={"tenant": self.tenant_id})
                await asyncio.sleep(1)
                self._stale()

    async def _listen(self) -> None:
        channel = tenant_content(self.tenant_id)
        while True:
            try:
                async with self.hub.broadcast.subscribe(channel=channel) as subscriber:
                    self._listened()
                    try:
                        async for event in subscriber:
                            if event is not None:
                                self._on_message(event.message)
                    finally:
                        self.listening.clear()
                        self._stale()  # what is published until the channel is listened to again goes unheard
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("screen feed lost its subscription; retrying", exc_info=True)
                await asyncio.sleep(0.5)

    def _on_message(self, message: str) -> None:
        device = settings_change(message)
        if device is None:
            self._stale()
        else:
            self.device_changes[device] = self.device_changes.get(device, 0) + 1
            self._notify()

    def _on_own(self, message: str) -> None:
        """A message this process publishes on the channel, heard before it leaves: a content change makes the
        base uncertain at once (a device's settings are read per request, and subscribers hear them anyway)."""
        if settings_change(message) is None:
            self._stale()


def settings_change(message: str) -> int | None:
    """The device whose own settings a content-channel message announces; None: the content changed."""
    try:
        payload = json.loads(message)
    except ValueError:
        return None
    device = payload.get("deviceId") if isinstance(payload, dict) and payload.get("kind") == "device-settings" else None
    return device if isinstance(device, int) else None
