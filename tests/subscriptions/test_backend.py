"""The broadcaster as the streams use it: many subscribers of one channel, starting and leaving at once."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

import pytest
from broadcaster import Broadcast
from broadcaster._base import Subscriber

from subscriptions.backend import make_broadcast
from tests.services import redis_url


@pytest.fixture(params=["redis", "memory"])
async def broadcast(request: pytest.FixtureRequest) -> Broadcast:  # type: ignore[misc]
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
