"""Live screens: each tenant's content computed once per change and shared by all its screens.

One `TenantFeed` per tenant with screens connected to this process. It listens on the tenant's
content channel, coalesces bursts of changes (`screen_debounce_seconds`), recomputes the content once,
and wakes every subscriber; each subscriber takes the projection for its device's settings, cached
per distinct settings, so 50 screens with the same settings cost one computation and one projection
per change. The feed also recomputes at the content's `valid_until` (a time boundary) and after the
broker reconnects (a `RESYNC`), since messages published meanwhile are lost.

A screen is served either as a stream (`stream`: a generator per screen, waiting for the feed to wake it) or,
once its first state is sent, as a watch (`watch`, services.devices.screen_watches): no task of its own, the
feed delivers its new states.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import weakref
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from models.base import joined_scope
from services.content.screen_content import screen_content
from services.devices.screen_state import (
    BaseContent,
    ContentSource,
    ScreenState,
    content_data,
    project,
    settings_data,
    variant_key,
)
from services.devices.screen_watches import Deliver, FeedWatches, ScreenWatch
from services.devices.settings import settings_for_screen
from services.infra.metrics import counter
from subscriptions.channels import tenant_content

log = logging.getLogger("shulgraph.screen")

COMPUTATIONS = counter("shulgraph_screen_computations_total", "Screen contents computed, per tenant change")
PROJECTIONS = counter("shulgraph_screen_projections_total", "Screen states projected for distinct device settings")
MAX_TIMER_SECONDS = 6 * 3600


class TenantFeed:
    def __init__(self, hub: ScreenHub, tenant_id: int) -> None:
        self.hub = hub
        self.tenant_id = tenant_id
        self.subscribers = 0
        self.base: BaseContent | None = None
        self.variants: dict[str, ScreenState] = {}
        self.device_changes: dict[int, int] = {}
        self.changed = asyncio.Event()
        self._dirty = asyncio.Event()
        self._lock = asyncio.Lock()
        self._tasks: list[asyncio.Task[None]] = []
        self._timer: asyncio.TimerHandle | None = None
        self.watches = FeedWatches(self)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._listen()), asyncio.create_task(self._refresher())]

    async def stop(self) -> None:
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
            await self.refresh(initial=True)
        assert self.base is not None
        return self.base

    async def refresh(self, initial: bool = False) -> None:
        async with self._lock:
            if initial and self.base is not None:
                return
            now = datetime.now(UTC)
            content = await self.hub.source(self.tenant_id, now)
            COMPUTATIONS.inc()
            self.base = content_data(content)
            self.variants = {}
            self._schedule(self.base.wake_at, now)
        if not initial:
            self._notify()

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
        self._timer = asyncio.get_running_loop().call_later(delay, self._dirty.set)

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
                self._dirty.set()

    async def _listen(self) -> None:
        channel = tenant_content(self.tenant_id)
        while True:
            try:
                async with self.hub.broadcast.subscribe(channel=channel) as subscriber:
                    async for event in subscriber:
                        if event is not None:
                            self._on_message(event.message)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("screen feed lost its subscription; retrying", exc_info=True)
                await asyncio.sleep(0.5)
                self._dirty.set()

    def _on_message(self, message: str) -> None:
        try:
            payload = json.loads(message)
        except ValueError:
            payload = {}
        device = payload.get("deviceId") if isinstance(payload, dict) else None
        if isinstance(payload, dict) and payload.get("kind") == "device-settings" and isinstance(device, int):
            self.device_changes[device] = self.device_changes.get(device, 0) + 1
            self._notify()
        else:
            self._dirty.set()


class ScreenHub:
    """The feeds of one process (one per broadcaster)."""

    def __init__(self, broadcast: Any, source: ContentSource | None = None, debounce_seconds: float = 0.05) -> None:
        self.broadcast = broadcast
        self._source = source
        self.debounce_seconds = debounce_seconds
        self.feeds: dict[int, TenantFeed] = {}

    async def source(self, tenant_id: int, now: datetime) -> Any:
        async with joined_scope(tenant_id):
            return await (self._source or screen_content)(tenant_id, now)

    def join(self, tenant_id: int) -> TenantFeed:
        feed = self.feeds.get(tenant_id)
        if feed is None:
            feed = TenantFeed(self, tenant_id)
            self.feeds[tenant_id] = feed
            feed.start()
        feed.subscribers += 1
        return feed

    async def leave(self, feed: TenantFeed) -> None:
        feed.subscribers -= 1
        if feed.subscribers <= 0 and self.feeds.get(feed.tenant_id) is feed:
            del self.feeds[feed.tenant_id]
            await feed.stop()

    async def stream(self, tenant_id: int, device_id: int, sent: str | None = None) -> AsyncIterator[ScreenState]:
        """The device's screen: the full current state first (unless its version is `sent`), then every new state."""
        feed = self.join(tenant_id)
        try:
            seen_change = feed.device_changes.get(device_id, 0)
            settings = settings_data(await settings_for_screen(tenant_id, device_id))
            key = variant_key(settings)
            last_version = sent
            while True:
                wake = feed.changed
                await feed.current()
                change = feed.device_changes.get(device_id, 0)
                if change != seen_change:
                    seen_change = change
                    settings = settings_data(await settings_for_screen(tenant_id, device_id))
                    key = variant_key(settings)
                state = feed.state_for(settings, key)
                if state.version != last_version:
                    last_version = state.version
                    yield state
                await wake.wait()
        finally:
            await self.leave(feed)

    async def watch(self, tenant_id: int, device_id: int, deliver: Deliver) -> tuple[ScreenWatch, ScreenState]:
        """The device's screen as a watch: its current state, for the caller to send; once the caller has sent it,
        `arm` the watch, and the feed delivers every new state through `deliver` until `unwatch`."""
        feed = self.join(tenant_id)
        try:
            seen_change = feed.device_changes.get(device_id, 0)
            settings = settings_data(await settings_for_screen(tenant_id, device_id))
            watch = ScreenWatch(feed, device_id, deliver, settings, seen_change)
            await feed.current()
            state = feed.state_for(watch.settings, watch.key)
        except BaseException:
            await self.leave(feed)
            raise
        watch.version = state.version
        feed.watches.watches.add(watch)
        return watch, state

    def arm(self, watch: ScreenWatch) -> None:
        """The watch's first state is sent: from now on the feed delivers what changed since."""
        feed = watch.feed
        assert isinstance(feed, TenantFeed)
        watch.armed = True
        feed.watches.schedule()

    async def unwatch(self, watch: ScreenWatch) -> None:
        feed = watch.feed
        assert isinstance(feed, TenantFeed)
        if watch in feed.watches.watches:
            feed.watches.watches.discard(watch)
            await self.leave(feed)

    async def snapshot(self, tenant_id: int, device_id: int) -> ScreenState:
        """The device's current state, from the shared feed when one is live here."""
        settings = settings_data(await settings_for_screen(tenant_id, device_id))
        feed = self.feeds.get(tenant_id)
        if feed is not None and feed.base is not None:
            return feed.state_for(settings)
        now = datetime.now(UTC)
        base = content_data(await self.source(tenant_id, now))
        return project(base, settings)


_hubs: weakref.WeakKeyDictionary[Any, ScreenHub] = weakref.WeakKeyDictionary()


def hub_for(broadcast: Any, debounce_seconds: float = 0.05) -> ScreenHub:
    """This process's hub for a broadcaster (created on first use)."""
    hub = _hubs.get(broadcast)
    if hub is None:
        hub = ScreenHub(broadcast, debounce_seconds=debounce_seconds)
        _hubs[broadcast] = hub
    return hub
