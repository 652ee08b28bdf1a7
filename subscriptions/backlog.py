"""Events kept while Redis is unreachable, published in order once it answers again.

Only events (`subscriptions.events.publish`) are kept: admins' `tenantEvents` re-read nothing on a
reconnect, and other processes hear of a content change only through Redis. While anything is kept,
newer events queue behind it, so a channel's events go out in the order they were published, and a
request never waits on Redis longer than one publish attempt. The backlog lives in this process's
memory and is bounded: past its limit the oldest event is dropped and counted. At shutdown what is
still kept is lost, with a warning. An event whose publish timed out may have reached Redis after
all and goes out again: subscribers may, rarely, see it twice.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections import deque
from collections.abc import Awaitable, Callable

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.infra.cancellation import see_cancelled
from services.infra.metrics import counter, gauge

log = logging.getLogger("shulgraph.pubsub")

KEPT_LIMIT = 10_000
"""Events one process keeps during an outage before it drops the oldest."""

RETRY_FIRST_SECONDS = 0.1
RETRY_MAX_SECONDS = 2.0
CLOSE_WAIT_SECONDS = 2.0
"""How long shutdown waits for the publishing task to end once cancelled."""

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError, TimeoutError)

KEPT = gauge("shulgraph_pubsub_kept_events", "Events kept in memory until Redis answers again")
DROPPED = counter("shulgraph_pubsub_dropped_events_total", "Kept events dropped because the backlog was full")

Send = Callable[[str, str], Awaitable[None]]
Ready = Callable[[], Awaitable[None]]


class Backlog:
    """Publishes through `send`; keeps what cannot go out and sends it, in order, once `ready` returns."""

    def __init__(self, send: Send, ready: Ready, limit: int = KEPT_LIMIT) -> None:
        self._send = send
        self._ready = ready
        self.limit = limit
        self._messages: deque[tuple[str, str]] = deque()
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self.dropped = 0
        self._dropped_since_empty = 0

    def __len__(self) -> int:
        return len(self._messages)

    @property
    def publishing(self) -> asyncio.Task[None] | None:
        """The task that sends kept events (the latest one; done once none are left)."""
        return self._task

    async def publish(self, channel: str, message: str, connected: bool) -> None:
        """Send at once when nothing is kept and the broker is `connected`; else, or when Redis is
        unreachable, keep the event."""
        if connected and not self._messages:
            try:
                await self._send(channel, message)
                return
            except UNREACHABLE as exc:
                log.warning("Redis unreachable; events are kept until it answers", extra={"error": repr(exc)})
        self._keep(channel, message)

    def _keep(self, channel: str, message: str) -> None:
        if self._closed:
            log.warning("event lost: the broker connection is shut down", extra={"channel": channel})
            return
        if len(self._messages) >= self.limit:
            self._drop_oldest()
        self._messages.append((channel, message))
        KEPT.inc()
        if self._task is None or self._task.done():
            # A context of its own: not the scope or log fields of the request that happened to start it.
            self._task = asyncio.create_task(self._drain(), name="pubsub-backlog", context=contextvars.Context())

    def _drop_oldest(self) -> None:
        channel, _ = self._messages.popleft()
        KEPT.dec()
        DROPPED.inc()
        self.dropped += 1
        self._dropped_since_empty += 1
        if self._dropped_since_empty == 1 or self._dropped_since_empty % 1000 == 0:
            log.warning(
                "event backlog full; oldest events dropped",
                extra={"dropped": self._dropped_since_empty, "limit": self.limit, "channel": channel},
            )

    async def _drain(self) -> None:
        delay = RETRY_FIRST_SECONDS
        while self._messages:
            await self._ready()
            if await self._send_oldest():
                delay = RETRY_FIRST_SECONDS
            else:
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_SECONDS)
        dropped, self._dropped_since_empty = self._dropped_since_empty, 0
        log.log(logging.WARNING if dropped else logging.INFO, "kept events published", extra={"dropped": dropped})

    async def _send_oldest(self) -> bool:
        """Send the oldest kept event; False when Redis is unreachable (the event stays kept)."""
        oldest = self._messages[0]
        try:
            await self._send(*oldest)
        except UNREACHABLE:
            return False
        except Exception:
            log.exception("kept event refused by Redis; dropped", extra={"channel": oldest[0]})
        if self._messages and self._messages[0] is oldest:  # not dropped for room meanwhile
            self._messages.popleft()
            KEPT.dec()
        return True

    async def close(self) -> None:
        """Stop publishing (at shutdown) without waiting on Redis; events still kept are lost."""
        self._closed = True
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            see_cancelled(task)
            await asyncio.wait({task}, timeout=CLOSE_WAIT_SECONDS)
        if self._messages:
            log.warning("events kept during a Redis outage lost at shutdown", extra={"lost": len(self._messages)})
            KEPT.dec(len(self._messages))
            self._messages.clear()
