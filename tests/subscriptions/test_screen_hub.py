"""`services.devices.screen_hub.ScreenHub` on a content source of the test's own: a time boundary passing is sent to the
screen as a new state even when nothing it shows changed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import datetime, timedelta
from typing import Any

from broadcaster import Broadcast

from services.devices.screen_hub import ScreenHub
from tests.support.actors import Factory
from tests.support.devices import make_tv


async def test_a_boundary_with_nothing_else_changed_reaches_the_screen(factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    marks: list[datetime] = []
    computed: list[datetime] = []

    async def steady_source(tenant_id: int, now: datetime) -> dict[str, Any]:
        if not marks:  # boundaries counted from the first computation, however long the start took
            marks.extend(now + timedelta(seconds=s) for s in (1, 2, 3600))
        computed.append(now)
        return {
            "synagogue_name": "Steady",
            "timezone": "UTC",
            "date": marks[0].date(),
            "messages": [],
            "valid_until": min(mark for mark in marks if mark > now),
        }

    broadcast = Broadcast("memory://")
    await broadcast.connect()
    hub = ScreenHub(broadcast, source=steady_source, debounce_seconds=0.01)
    stream = hub.stream(tenant.id, tv.device.id)
    assert isinstance(stream, AsyncGenerator)  # declared an AsyncIterator; closed as the generator it is
    try:
        states = [await asyncio.wait_for(anext(stream), 10) for _ in range(3)]
    finally:
        await stream.aclose()
        await broadcast.disconnect()
    assert [state.valid_until for state in states] == marks
    assert all(state.data == states[0].data for state in states)  # the same screen...
    assert len({state.version for state in states}) == 3  # ...sent again at each boundary
    assert len(computed) == 3 and computed[1] >= marks[0] and computed[2] >= marks[1]
    assert hub.feeds == {}  # the last screen leaving stops the tenant's feed
