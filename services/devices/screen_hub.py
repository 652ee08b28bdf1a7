"""Live screens: each tenant's content computed once per change and shared by all its screens.

The hub holds one `TenantFeed` (`services.devices.screen_feed`) per tenant with screens connected to this
process: `stream` is a device's `screenUpdated`, its settings' projection of the shared content after every change.
A screen is served either as a stream (`stream`: a generator per screen, waiting for the feed to wake it) or,
once its first state is sent, as a watch (`watch`, services.devices.screen_watches): no task of its own, the
feed delivers its new states.

`Screen` over HTTP (`ScreenHub.snapshot`) is answered from the tenant's feed only when the feed is certainly
current (`TenantFeed.certain`), and computed for the request otherwise. With `SCREEN_KEEP_SECONDS` the process
keeps the feed of a tenant whose TVs poll over HTTP (`services.devices.screen_keep`), so that they share it too.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from models.base import joined_scope
from services.content.screen_content import screen_content
from services.devices.screen_feed import TenantFeed
from services.devices.screen_keep import KeptFeeds
from services.devices.screen_state import ContentSource, ScreenState, content_data, project, settings_data, variant_key
from services.devices.screen_watches import Deliver, ScreenWatch
from services.devices.settings import settings_for_screen
from services.infra.metrics import counter
from subscriptions.backend import SharedChannels

ANSWERS = counter(
    "shulgraph_screen_answers_total",
    "Screen requests over HTTP, by where their state came from: the tenant's shared feed or computed for the request",
    ["source"],
)
SHARED, COMPUTED = ANSWERS.labels("shared"), ANSWERS.labels("computed")


class ScreenHub:
    """The feeds of one process (one per broadcaster)."""

    def __init__(self, broadcast: Any, source: ContentSource | None = None, debounce_seconds: float = 0.05) -> None:
        self.broadcast = broadcast
        self._source = source
        self.debounce_seconds = debounce_seconds
        self.feeds: dict[int, TenantFeed] = {}
        self.kept: KeptFeeds[TenantFeed] = KeptFeeds(self.join, self.leave)

    def epoch(self) -> int | None:
        """The broker connection's epoch (`SharedChannels.epoch`); None: down, or a broadcaster that cannot tell."""
        return self.broadcast.epoch() if isinstance(self.broadcast, SharedChannels) else None

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

    async def snapshot(
        self, tenant_id: int, device_id: int, keep_seconds: float = 0.0, keep_most: int = 1000
    ) -> ScreenState:
        """The device's current state: the tenant's shared one when its feed here is certainly current, else
        computed for this request. `keep_seconds` > 0 keeps the tenant's feed that long (`keep_most` feeds at
        most)."""
        settings = settings_data(await settings_for_screen(tenant_id, device_id))
        if keep_seconds > 0:
            feed: TenantFeed | None = self.kept.keep(tenant_id, keep_seconds, keep_most)
        else:
            feed = self.feeds.get(tenant_id)
        now = datetime.now(UTC)
        if feed is not None:
            if feed.certain(now):
                SHARED.inc()
                return feed.state_for(settings)
            feed.wanted()
        COMPUTED.inc()
        base = content_data(await self.source(tenant_id, now))
        return project(base, settings)

    async def close(self) -> None:
        """Leave every feed kept for HTTP requests (the process is shutting down)."""
        await self.kept.close()


_hubs: weakref.WeakKeyDictionary[Any, ScreenHub] = weakref.WeakKeyDictionary()


def hub_for(broadcast: Any, debounce_seconds: float = 0.05) -> ScreenHub:
    """This process's hub for a broadcaster (created on first use)."""
    hub = _hubs.get(broadcast)
    if hub is None:
        hub = ScreenHub(broadcast, debounce_seconds=debounce_seconds)
        _hubs[broadcast] = hub
    return hub


async def close_hub(broadcast: Any) -> None:
    """Close this process's hub of a broadcaster, if it has one (before the broadcaster disconnects)."""
    hub = _hubs.get(broadcast)
    if hub is not None:
        await hub.close()
