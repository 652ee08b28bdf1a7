"""Screens served by their tenant's feed with no task of their own, which is what keeps an idle TV cheap.

A screen's subscription can run as a stream: a task waiting in a chain of suspended generators (the transport's,
the executor's, the resolver's, the hub's), some 20 KiB per idle screen. A watch is what a screen needs once its
first state is sent: its device, its settings projection, the version it was sent last, and `deliver`. After a
change the feed walks its watches and delivers each one's new state; each watch has at most one delivery in
flight, so a slow socket delays only itself, and once it drains it gets the newest state, not every one it
missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from services.devices.screen_state import ScreenState, settings_data, variant_key
from services.devices.settings import settings_for_screen

log = logging.getLogger("shulgraph.screen")

Deliver = Callable[[ScreenState], Awaitable[None]]


class Feed(Protocol):
    """What the watches need of their tenant's feed (services.devices.screen_feed.TenantFeed)."""

    tenant_id: int
    device_changes: dict[int, int]

    async def current(self) -> Any: ...

    def state_for(self, settings: dict[str, Any], key: str | None = None) -> ScreenState: ...


class ScreenWatch:
    """One screen of a feed: its device's settings projection and the version it was sent last."""

    __slots__ = ("armed", "deliver", "device_id", "due", "feed", "key", "seen_change", "sending", "settings", "version")

    def __init__(
        self, feed: Feed, device_id: int, deliver: Deliver, settings: dict[str, Any], seen_change: int
    ) -> None:
        self.feed = feed
        self.device_id = device_id
        self.deliver = deliver
        self.settings = settings
        self.key = variant_key(settings)
        self.seen_change = seen_change
        self.version = ""
        self.armed = False  # until its first state is sent by whoever sent it
        self.sending = False
        self.due = False


class FeedWatches:
    """The watches of one tenant feed, and the walk that delivers their new states after a change."""

    def __init__(self, feed: Feed) -> None:
        self.feed = feed
        self.watches: set[ScreenWatch] = set()
        self._walk: asyncio.Task[None] | None = None
        self._again = False
        self._sends: set[asyncio.Task[None]] = set()

    def schedule(self) -> None:
        """Walk the watches soon (again after the walk in hand, if one is running)."""
        if not self.watches:
            return
        if self._walk is not None and not self._walk.done():
            self._again = True
            return
        self._walk = asyncio.create_task(self._run())

    async def stop(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in (self._walk, *self._sends) if task is not None and task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self) -> None:
        try:
            await self._walk_until_settled()
        except Exception:
            log.warning("screens not walked; the next change walks them", exc_info=True)

    async def _walk_until_settled(self) -> None:
        while True:
            self._again = False
            await self.feed.current()
            for watch in list(self.watches):
                if not watch.armed:
                    continue
                if watch.sending:
                    watch.due = True
                    continue
                state = await self._state_for(watch)
                if state is not None and state.version != watch.version:
                    self._start(watch, state)
            if not self._again:
                return

    async def _state_for(self, watch: ScreenWatch) -> ScreenState | None:
        """The watch's current state; its settings read again first when its device's changed."""
        feed = self.feed
        change = feed.device_changes.get(watch.device_id, 0)
        if change != watch.seen_change:
            try:
                watch.settings = settings_data(await settings_for_screen(feed.tenant_id, watch.device_id))
            except Exception:
                log.warning("device settings not read; the next change retries", exc_info=True)
                return None
            watch.key = variant_key(watch.settings)
            watch.seen_change = change
        return feed.state_for(watch.settings, watch.key)

    def _start(self, watch: ScreenWatch, state: ScreenState) -> None:
        watch.sending = True
        task = asyncio.create_task(self._send(watch, state))
        self._sends.add(task)
        task.add_done_callback(self._sends.discard)

    async def _send(self, watch: ScreenWatch, state: ScreenState | None) -> None:
        try:
            while state is not None and state.version != watch.version and watch in self.watches:
                watch.version = state.version
                await watch.deliver(state)
                if not watch.due:
                    return
                watch.due = False
                state = await self._state_for(watch)
        except Exception:
            log.warning("a screen's state was not delivered", exc_info=True, extra={"device": watch.device_id})
        finally:
            watch.sending = False
