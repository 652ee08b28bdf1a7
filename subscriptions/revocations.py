"""Revocations and role changes, told to every API process at once, so that what a process keeps of a caller
(`services.identity.callers`) never outlives a revoked session, a logout, a password change, a demotion or a
removal, a revoked device or API key.

A revoking road calls `announce(tag, ...)` with the tags of what changed (`user:7`, `session:12`, `jti:…`,
`device:3`, `apikey:5`): at once (state committed on its own, like a revoked session, is already true) and, inside
an operation, once more after its transaction commits (a role changed in the operation is true only then). Each
announcement is applied in this process before the call returns and published on Redis (`CHANNEL`), where every
process's `RevocationFeed` hears it on a pub/sub connection of its own.

What a process keeps may be used only while its feed is *usable*: subscribed (the subscription confirmed by Redis)
and heard from within `STALE_SECONDS` (a ping every `PING_SECONDS` answers even when nothing is revoked). When the
connection drops, everything kept is dropped, and nothing is used or kept until the subscription is back: fail
closed. The feed's `epoch` changes with every announcement and every connection change; a caller read from the
database is kept only if the epoch did not change while it was read, so a read that raced a revocation is used
once and never kept. Without Redis (the embedded default: one process) the feed is always usable and local.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from services.infra.cancellation import cancel_and_wait
from subscriptions.backend import close_quietly
from subscriptions.events import after_commit, in_operation

log = logging.getLogger("shulgraph.pubsub")

CHANNEL = "shulgraph:revoked"
EVERYTHING = "*"
"""The tag that drops everything a process keeps of its callers (the feed's connection changed)."""
PING_SECONDS = 1.0
STALE_SECONDS = 3.0
"""A feed not heard from for this long (a ping unanswered: a hung connection) is not usable."""
START_SECONDS = 5.0
"""How long `start` waits for the first subscription; the app serves without it meanwhile (nothing kept)."""

Listener = Callable[[frozenset[str]], None]


class RevocationFeed:
    """One process's subscription to the revocations of all processes (or the local stand-in without Redis)."""

    def __init__(self, redis_url: str | None) -> None:
        self.redis_url = redis_url
        self.epoch = 0
        self._listeners: list[Listener] = []
        self._subscribed = redis_url is None
        self._heard = time.monotonic()
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._publisher: Any = None
        self._stopping = False
        if redis_url:
            self._publisher = aioredis.Redis.from_url(
                redis_url, socket_connect_timeout=2, socket_timeout=2, retry=Retry(NoBackoff(), 1)
            )
        _feeds.add(self)

    def usable(self) -> bool:
        """Whether what was kept may be used (and kept): every announcement made now will be heard here."""
        return self._subscribed and (self.redis_url is None or time.monotonic() - self._heard < STALE_SECONDS)

    def listen(self, listener: Listener) -> None:
        """Call `listener` with the tags of every announcement (`EVERYTHING` when the connection changed)."""
        self._listeners.append(listener)

    def deliver(self, tags: Iterable[str]) -> None:
        self.epoch += 1
        told = frozenset(tags)
        for listener in self._listeners:
            listener(told)

    async def publish(self, message: str) -> None:
        """Tell the other processes; a failure is logged (what they keep lapses within its time to live)."""
        if self._publisher is None:
            return
        try:
            await self._publisher.publish(CHANNEL, message)
        except Exception:
            log.warning("revocation not published; other processes forget it when their cache lapses", exc_info=True)

    async def start(self, wait_seconds: float = START_SECONDS) -> None:
        """Listen (on Redis), waiting up to `wait_seconds` for the first subscription."""
        if self.redis_url is None:
            return
        self._task = asyncio.create_task(self._run(), name="revocation-feed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), timeout=wait_seconds)

    async def stop(self) -> None:
        self._stopping = True
        _feeds.discard(self)
        if self._task is not None:
            await cancel_and_wait(self._task)
        if self._publisher is not None:
            with contextlib.suppress(Exception):
                await self._publisher.aclose()

    def _lost(self) -> None:
        if self._subscribed and not self._stopping:
            log.warning("revocation feed lost; callers are read from the database until it is back")
        self._subscribed = False
        self.deliver((EVERYTHING,))

    async def _run(self) -> None:
        assert self.redis_url is not None
        delay = 0.1
        while True:
            client = aioredis.Redis.from_url(self.redis_url, socket_connect_timeout=2, retry=Retry(NoBackoff(), 0))
            pubsub = client.pubsub()
            try:
                await pubsub.subscribe(CHANNEL)
                await self._listen(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.info("revocation feed reconnecting", extra={"error": repr(exc)})
            finally:
                self._lost()
                await close_quietly(pubsub, client)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)

    async def _listen(self, pubsub: Any) -> None:
        pinged = time.monotonic()
        while True:
            message = await pubsub.get_message(timeout=PING_SECONDS)
            now = time.monotonic()
            if message is not None:
                self._heard = now
                kind = message["type"]
                if kind == "subscribe" and not self._subscribed:
                    self._subscribed = True  # Redis confirmed: every later publication reaches this process
                    self.deliver((EVERYTHING,))
                    self._ready.set()
                elif kind == "message":
                    self.deliver(_tags(message["data"]))
            if now - self._heard >= STALE_SECONDS:
                raise ConnectionError("the revocation feed went quiet")
            if now - pinged >= PING_SECONDS:
                pinged = now
                await pubsub.ping()


def _tags(data: bytes | str) -> list[str]:
    try:
        tags = json.loads(data)
    except ValueError:
        return [EVERYTHING]
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return [EVERYTHING]
    return tags


_feeds: weakref.WeakSet[RevocationFeed] = weakref.WeakSet()
"""The feeds of this process (one per running app)."""


async def _tell(tags: tuple[str, ...]) -> None:
    message = json.dumps(list(tags))
    published: set[str] = set()
    for feed in list(_feeds):
        feed.deliver(tags)
        if feed.redis_url and feed.redis_url not in published:
            published.add(feed.redis_url)
            await feed.publish(message)


async def announce(*tags: str) -> None:
    """Tell every process that what `tags` name changed: now, and again after the current operation commits."""
    if not tags:
        return
    await _tell(tags)
    if in_operation():

        async def again() -> None:
            await _tell(tags)

        await after_commit(again)


def forget_locally(*tags: str) -> None:
    """Drop what this process keeps for `tags` (a revocation found in the database whose announcement was lost)."""
    for feed in list(_feeds):
        feed.deliver(tags)
