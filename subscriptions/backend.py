"""The broadcaster's Redis backend, made to survive Redis restarts (R2).

broadcaster's own Redis backend stops listening for good when its connection drops. This one keeps
the set of subscribed channels, reconnects with backoff, subscribes again, and then puts a `RESYNC`
event on every channel: whatever was published while the connection was down did not reach this
process, so each stream re-reads its state from the database. `publish` raises while Redis is down;
`publish_or_keep`, which events use, keeps the event in a bounded backlog instead and publishes it
once the connection is back (`subscriptions.backlog`).

Each successful (re)connection starts a new *epoch* (`SharedChannels.epoch()`: None while the connection is down):
state derived while subscribed in one epoch cannot have missed a message of that epoch, and a new epoch means
messages may have been lost in between. `SharedChannels.on_publish` lets this process hear its own publications
at once, before they travel through the broker (the screen's kept feeds, `services.devices.screen_hub`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from broadcaster import Broadcast
from broadcaster._backends.base import BroadcastBackend
from broadcaster._backends.memory import MemoryBackend
from broadcaster._base import Event, Subscriber
from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from services.infra.cancellation import cancel_and_wait
from subscriptions.backlog import KEPT_LIMIT, Backlog
from subscriptions.events import RESYNC

log = logging.getLogger("shulgraph.pubsub")

KEEPALIVE_CHANNEL = "shulgraph:pubsub"
"""Always subscribed, so the connection is listened to (and its loss noticed) before any stream exists."""

SETTLE_SECONDS = 3.0
"""After a reconnect, how long kept events wait before going out: the other processes' listeners, which
retry every 2 s at most, are subscribed again by then and hear them too."""


class ResilientRedisBackend(BroadcastBackend):
    def __init__(self, url: str, kept_limit: int = KEPT_LIMIT, settle_seconds: float = SETTLE_SECONDS) -> None:
        self._url = url
        self._publisher = aioredis.Redis.from_url(
            url, socket_connect_timeout=2, socket_timeout=5, retry=Retry(NoBackoff(), 1)
        )
        self._channels: set[str] = set()
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self._pubsub: Any = None
        self._task: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()
        self._up = asyncio.Event()
        self._up_since = 0.0
        self._settle_seconds = settle_seconds
        self.backlog = Backlog(self.publish, self._settled, kept_limit)
        self.reconnects = 0
        self.epoch = 0
        """Successful (re)connections so far: incremented, every channel subscribed again, before `_up` is set."""

    @property
    def up(self) -> bool:
        """Whether the pub/sub connection is up (the current `epoch`'s)."""
        return self._up.is_set()

    async def connect(self) -> None:
        self._task = asyncio.create_task(self._run())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._listening.wait(), timeout=5)

    async def disconnect(self) -> None:
        await self.backlog.close()
        if self._task is not None:
            await cancel_and_wait(self._task)  # its Redis reads may drop a first cancellation
        await self._publisher.aclose()

    async def subscribe(self, channel: str) -> None:
        self._channels.add(channel)
        pubsub = self._pubsub
        if pubsub is not None:
            try:
                await pubsub.subscribe(channel)
            except Exception:
                log.info("subscribe deferred until the broker is back", extra={"channel": channel})

    async def unsubscribe(self, channel: str) -> None:
        self._channels.discard(channel)
        pubsub = self._pubsub
        if pubsub is not None:
            with contextlib.suppress(Exception):
                await pubsub.unsubscribe(channel)

    async def publish(self, channel: str, message: Any) -> None:
        await self._publisher.publish(channel, message)

    async def publish_or_keep(self, channel: str, message: str) -> None:
        """Publish, or keep the message while Redis is unreachable (and after, until the earlier ones went)."""
        await self.backlog.publish(channel, message, connected=self._up.is_set())

    async def _settled(self) -> None:
        """Return once this process listens again and has done so for the settle time."""
        loop = asyncio.get_running_loop()
        while True:
            await self._up.wait()
            left = self._up_since + self._settle_seconds - loop.time()
            if left <= 0:
                return
            await asyncio.sleep(left)

    async def next_published(self) -> Event:
        return await self._queue.get()

    async def _run(self) -> None:
        delay = 0.1
        connected_before = False
        while True:
            client = aioredis.Redis.from_url(
                self._url, socket_connect_timeout=2, retry=Retry(NoBackoff(), 0), health_check_interval=5
            )
            pubsub = client.pubsub()
            try:
                await pubsub.subscribe(KEEPALIVE_CHANNEL)
                self._pubsub = pubsub
                if self._channels:
                    await pubsub.subscribe(*self._channels)
                if connected_before:
                    self.reconnects += 1
                    log.warning("pub/sub reconnected; streams resynchronise", extra={"channels": len(self._channels)})
                    for channel in list(self._channels):
                        self._queue.put_nowait(Event(channel=channel, message=RESYNC))
                connected_before = True
                delay = 0.1
                self._up_since = asyncio.get_running_loop().time()
                self.epoch += 1
                self._up.set()
                self._listening.set()
                async for message in pubsub.listen():
                    if message["type"] == "message":
                        channel = message["channel"].decode()
                        if channel != KEEPALIVE_CHANNEL:
                            self._queue.put_nowait(Event(channel=channel, message=message["data"].decode()))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("pub/sub connection lost; reconnecting", extra={"error": repr(exc)})
            finally:
                self._up.clear()
                self._pubsub = None
                await close_quietly(pubsub, client)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)


async def close_quietly(pubsub: Any, client: aioredis.Redis) -> None:
    """Close a pub/sub connection and its client, whatever state a lost connection left them in."""
    with contextlib.suppress(Exception):
        await pubsub.aclose()  # type: ignore[no-untyped-call,unused-ignore]  # untyped before redis 8.2
    with contextlib.suppress(Exception):
        await client.aclose()


class _Subscribers(set[asyncio.Queue[Event | None]]):
    """A channel's subscriber queues, and whether the backend subscription of the channel was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.subscribed = asyncio.Event()


PublishListener = Callable[[str], None]
"""Called with a message this process publishes on a channel, before it is sent (it must not block or raise)."""


class SharedChannels(Broadcast):
    """broadcaster's `Broadcast` with a subscribe that is safe when several start on one channel at once.

    broadcaster 0.3 records a channel's first subscriber only after the backend's subscribe returns; a
    second subscriber starting meanwhile also sees an empty channel, and the later of the two replaces the
    earlier's queue, which then never receives an event and fails to leave (KeyError). Here a subscriber
    is recorded before anything is awaited; the first one of a channel subscribes the backend, and the
    others wait for that, so that none reads its state before the channel is listened to.
    """

    def __init__(self, url: str | None = None, *, backend: BroadcastBackend | None = None) -> None:
        super().__init__(url, backend=backend)
        self._on_publish: dict[str, list[PublishListener]] = {}

    def epoch(self) -> int | None:
        """The connection's epoch (see the module), or None while it is down (or for a backend that does not tell);
        the in-process memory backend is always up, in one epoch."""
        backend = self._backend
        if isinstance(backend, ResilientRedisBackend):
            return backend.epoch if backend.up else None
        return 0 if isinstance(backend, MemoryBackend) else None

    def on_publish(self, channel: str, listener: PublishListener) -> Callable[[], None]:
        """Call `listener` with every message this process publishes on `channel`, at once, before it goes to the
        broker (or is kept while the broker is away); returns what removes it."""
        self._on_publish.setdefault(channel, []).append(listener)

        def remove() -> None:
            listeners = self._on_publish.get(channel)
            if listeners is not None and listener in listeners:
                listeners.remove(listener)
                if not listeners:
                    del self._on_publish[channel]

        return remove

    def _published(self, channel: str, message: Any) -> None:
        for listener in list(self._on_publish.get(channel, ())):
            listener(str(message))

    async def publish(self, channel: str, message: Any) -> None:
        self._published(channel, message)
        await super().publish(channel, message)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscriber]:
        queue: asyncio.Queue[Event | None] = asyncio.Queue()
        queues = self._subscribers.get(channel)
        first = not isinstance(queues, _Subscribers)
        if not isinstance(queues, _Subscribers):
            queues = self._subscribers[channel] = _Subscribers()
        queues.add(queue)
        try:
            if first:
                try:
                    await self._backend.subscribe(channel)
                finally:
                    queues.subscribed.set()  # also when it failed or was cancelled: the others go on
            else:
                await queues.subscribed.wait()
            yield Subscriber(queue)
        finally:
            queues.discard(queue)
            if not queues and self._subscribers.get(channel) is queues:
                del self._subscribers[channel]
                await self._backend.unsubscribe(channel)
            await queue.put(None)

    async def publish_or_keep(self, channel: str, message: str) -> None:
        """Publish an event; on Redis, one that cannot go out now is kept and published once it can."""
        if isinstance(self._backend, ResilientRedisBackend):
            self._published(channel, message)
            await self._backend.publish_or_keep(channel, message)
        else:
            await self.publish(channel, message)


def make_broadcast(redis_url: str | None, kept_limit: int = KEPT_LIMIT) -> Broadcast:
    """Redis pub/sub that survives restarts, or process memory in the embedded default."""
    if redis_url:
        return SharedChannels(backend=ResilientRedisBackend(redis_url, kept_limit))
    return SharedChannels("memory://")
