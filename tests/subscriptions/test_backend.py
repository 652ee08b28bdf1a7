"""The broadcaster as the streams use it: many subscribers of one channel, starting and leaving at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import pytest
from broadcaster import Broadcast
from broadcaster._base import Subscriber

from models.identity import Role
from subscriptions.backend import ResilientRedisBackend, make_broadcast
from subscriptions.channels import tenant_events
from subscriptions.events import tenant_event
from tests.support.actors import Factory
from tests.support.apps import variant, view_of
from tests.support.events import EVENTS
from tests.support.graphql import app_of
from tests.support.servers import redis_url
from tests.support.waiting import wait_until
from tests.support.websocket import AsgiConnection, WSClient, socket_of


@pytest.fixture(params=["redis", "memory"])
async def broadcast(request: pytest.FixtureRequest) -> AsyncIterator[Broadcast]:
    hub = make_broadcast(redis_url() if request.param == "redis" else None)
    await hub.connect()
    try:
        yield hub
    finally:
        await hub.disconnect()


async def _next(subscriber: Subscriber) -> str:
    event = await asyncio.wait_for(subscriber.get(), 5)
    return event.message


async def test_subscribers_starting_together_on_one_channel_all_receive_its_events(broadcast: Broadcast) -> None:
    async with AsyncExitStack() as stack:
        subscribers = await asyncio.gather(
            *(stack.enter_async_context(broadcast.subscribe("together")) for _ in range(5))
        )
        await asyncio.sleep(0.1)  # the backend's subscription is in place
        await broadcast.publish("together", "hello")
        assert [await _next(s) for s in subscribers] == ["hello"] * 5
    assert "together" not in broadcast._subscribers


async def test_a_channel_stays_subscribed_until_its_last_subscriber_leaves(broadcast: Broadcast) -> None:
    async with broadcast.subscribe("staying") as staying:
        async with broadcast.subscribe("staying"):
            pass
        await asyncio.sleep(0.1)
        await broadcast.publish("staying", "still here")
        assert await _next(staying) == "still here"
    async with broadcast.subscribe("staying") as again:  # a channel left empty can be subscribed afresh
        await asyncio.sleep(0.1)
        await broadcast.publish("staying", "back")
        assert await _next(again) == "back"


async def test_sockets_closed_as_their_subscriptions_start_leave_no_subscriber_behind(
    app: Any, factory: Factory
) -> None:
    """Two subscriptions of one channel per socket, each socket closed at once, while the operations are
    still charging their budget in Redis and subscribing: every operation ends and the channel is left."""
    admin = await factory.member(role=Role.ADMIN)
    channel = tenant_events(admin.tenant.id)
    hub = app.state.broadcast
    async with variant(app) as client:
        view_of(client).max_subscriptions_per_connection = 2
        for _ in range(5):
            connection = AsgiConnection(app_of(client))
            await connection.accept()
            socket = WSClient(connection)
            headers = admin.headers()
            ack = await socket.init({"authorization": headers["Authorization"], "tenantId": headers["X-Tenant-ID"]})
            assert ack["type"] == "connection_ack", ack
            await socket.subscribe("first", EVENTS)
            await socket.subscribe("second", EVENTS)
            await socket.subscribe("third", EVENTS)  # refused at once: the socket has taken all three in
            assert (await socket.next("third"))["type"] == "error"
            await connection.disconnect()
            # its operations have ended, however their cancellation landed
            await wait_until(connection.task.done, "the socket's operations ended")
        await wait_until(lambda: channel not in hub._subscribers, "the channel left")
        async with socket_of(client, admin) as socket:  # and the channel still works afterwards
            await socket.subscribe("watching", EVENTS)
            await wait_until(lambda: channel in hub._subscribers, "the channel subscribed")
            await tenant_event(hub, admin.tenant.id, "DEVICE_ONLINE")
            assert (await socket.next("watching"))["payload"]["data"]["tenantEvents"]["kind"] == "DEVICE_ONLINE"


async def test_no_subscriber_starts_before_its_channel_is_subscribed_on_redis() -> None:
    """A stream reads its state once subscribed; were a later subscriber let in while the first one still
    subscribes the channel, a change published in between would be missed by both its read and its feed."""
    hub = make_broadcast(redis_url())
    await hub.connect()
    try:
        backend = hub._backend
        assert isinstance(backend, ResilientRedisBackend)
        listened: list[bool] = []

        async def subscriber() -> None:
            async with hub.subscribe("listened"):
                listened.append(b"listened" in backend._pubsub.channels)

        await asyncio.gather(*(subscriber() for _ in range(5)))
        assert listened == [True] * 5
    finally:
        await hub.disconnect()
