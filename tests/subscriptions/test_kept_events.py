"""Events published while Redis is unreachable are kept in the process and published, in order, once it
answers again; the backlog is bounded, and shutting down with events still kept ends at once."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest
from broadcaster._base import Subscriber

from models.identity import Role
from services.infra.ids import to_global_id
from services.outbox import queue as job_queue
from services.outbox import worker as jobs
from subscriptions.backend import ResilientRedisBackend, SharedChannels, make_broadcast
from subscriptions.channels import tenant_jobs
from subscriptions.events import is_resync, publish, tenant_event
from tests.support.actors import Factory
from tests.support.events import watch_events
from tests.support.live import Server
from tests.support.servers import redis_down, redis_url
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient


async def next_event(subscriber: Subscriber, timeout: float = 30) -> dict[str, Any]:
    """The next published payload of a channel (a reconnect's RESYNC is not one)."""
    while True:
        event = await asyncio.wait_for(subscriber.get(), timeout)
        if not is_resync(event.message):
            payload: dict[str, Any] = json.loads(event.message)
            return payload


async def next_tenant_event(watcher: WSClient) -> dict[str, Any]:
    """The next `tenantEvents` item of a websocket, past the probes that found the stream live."""
    while True:
        event: dict[str, Any] = (await watcher.next_data("events", timeout=30))["tenantEvents"]
        if event["kind"] != "ALERT":
            return event


async def test_tenant_events_published_while_redis_is_down_reach_admins_on_another_process_in_order(
    app: Any, live_server: Server, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER)
    tenant_id = owner.tenant.id
    watcher = await watch_events(app, live_server, owner)
    try:
        async with redis_down():
            for device_id in range(5):
                await tenant_event(app.state.broadcast, tenant_id, "DEVICE_OFFLINE", device_id)
        await tenant_event(app.state.broadcast, tenant_id, "DEVICE_ONLINE", 99)  # newer: goes out after them
        received = [await next_tenant_event(watcher) for _ in range(6)]
        assert [(e["kind"], e["deviceId"]) for e in received] == [
            *(("DEVICE_OFFLINE", to_global_id("Device", device_id)) for device_id in range(5)),
            ("DEVICE_ONLINE", to_global_id("Device", 99)),
        ]
    finally:
        await watcher.close()


async def test_a_full_backlog_drops_its_oldest_events_and_says_how_many(caplog: pytest.LogCaptureFixture) -> None:
    hub = make_broadcast(redis_url(), kept_limit=3)
    backend = hub._backend
    assert isinstance(backend, ResilientRedisBackend)
    backlog = backend.backlog
    await hub.connect()
    try:
        async with hub.subscribe("kept:bound") as subscriber:
            with caplog.at_level(logging.WARNING, logger="shulgraph.pubsub"):
                async with redis_down():
                    for n in range(5):
                        await publish(hub, "kept:bound", {"n": n})
                assert [await next_event(subscriber) for _ in range(3)] == [{"n": 2}, {"n": 3}, {"n": 4}]
                await wait_until(
                    lambda: len(backlog) == 0 and backlog.publishing is not None and backlog.publishing.done(),
                    "the backlog published",
                    timeout=15,
                )
                await publish(hub, "kept:bound", {"n": 5})
                assert await next_event(subscriber) == {"n": 5}
        full = [r for r in caplog.records if r.getMessage() == "event backlog full; oldest events dropped"]
        assert [getattr(r, "dropped", None) for r in full] == [1]
        sent = [r for r in caplog.records if r.getMessage() == "kept events published"]
        assert [(r.levelno, getattr(r, "dropped", None)) for r in sent] == [(logging.WARNING, 2)]
    finally:
        await hub.disconnect()


class FreezingRelay:
    """A TCP relay in front of the test Redis that can drop its connections or stop relaying (a broker
    that hangs without closing its sockets)."""
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.relaying = asyncio.Event()
        self.refusing = False
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> int:
        self.relaying.set()
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    def drop(self) -> None:
        """Close every relayed connection and refuse new ones."""
        self.refusing = True
        for writer in list(self._writers):
            writer.close()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refusing:
            writer.close()
            return
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self._writers.update((writer, upstream_writer))
        for source, sink in ((reader, upstream_writer), (upstream_reader, writer)):
            task = asyncio.create_task(self._pipe(source, sink))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                await self.relaying.wait()
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for writer in list(self._writers):
            writer.close()
        if self._server is not None:
            self._server.close()


async def test_shutdown_with_kept_events_ends_at_once_while_their_publish_hangs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    relay = FreezingRelay(int(redis_url().rsplit(":", 1)[1].split("/")[0]))
    port = await relay.start()
    backend = ResilientRedisBackend(f"redis://127.0.0.1:{port}/0", settle_seconds=0.5)
    hub = SharedChannels(backend=backend)
    await hub.connect()
    disconnected = False
    try:
        relay.drop()  # the listener loses its connection: events are kept at once
        await wait_until(lambda: not backend._up.is_set(), "the backend down", timeout=15)
        for n in range(3):
            await publish(hub, "kept:shutdown", {"n": n})
        assert len(backend.backlog) == 3
        relay.refusing = False  # the listener comes back; then Redis stops answering on every socket
        await wait_until(backend._up.is_set, "the backend up again", timeout=15)
        relay.relaying.clear()
        await asyncio.sleep(1.0)  # past the settle time: the backlog's first publish waits for an answer
        drain = backend.backlog.publishing
        assert drain is not None and not drain.done() and len(backend.backlog) == 3
        with caplog.at_level(logging.WARNING, logger="shulgraph.pubsub"):
            await asyncio.wait_for(hub.disconnect(), 15)
        disconnected = True
        assert drain.done()
        lost = [r for r in caplog.records if r.getMessage() == "events kept during a Redis outage lost at shutdown"]
        assert [getattr(r, "lost", None) for r in lost] == [3]
    finally:
        if not disconnected:
            await hub.disconnect()
        await relay.close()


async def test_a_worker_process_keeps_job_news_published_while_redis_is_down(app: Any, factory: Factory) -> None:
    """A standalone worker (its own broadcaster, as `main.py worker` runs) keeps job progress published during
    an outage and sends it once Redis answers: a screen or admin watching the job still hears of it."""
    tenant = await factory.tenant()
    stop = asyncio.Event()
    worker = asyncio.create_task(jobs.run_worker(app.state.settings, stop, poll_seconds=0.2))
    try:
        await wait_until(lambda: job_queue._broadcast is not None, "the job queue's broadcaster", timeout=15)
        async with app.state.broadcast.subscribe(tenant_jobs(tenant.id)) as subscriber:
            async with redis_down():
                await job_queue.announce_job(41, tenant.id)
            assert await next_event(subscriber) == {"job": 41}
    finally:
        stop.set()
        await asyncio.wait_for(worker, 15)
