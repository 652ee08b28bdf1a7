"""A `screenUpdated` operation parks once its first state is sent (subscriptions.screen): it stays open for the
TV, with no task of its own, and its tenant's feed delivers every later state. `complete` or the socket's end
releases it; its id stays taken meanwhile; one slow screen delays only itself; a parked screen whose shared
result cannot be sent as is goes back to a stream of its own. Sockets to the app in this process, so the test
can look at the feed and the socket's handler."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import httpx
from broadcaster import Broadcast

from models.identity import Role
from services.devices.screen_hub import ScreenHub, hub_for
from services.devices.screen_state import ScreenState
from services.devices.screen_watches import ScreenWatch
from subscriptions.fanout import release_shape
from subscriptions.screen import ScreenSlot
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, message_codes
from tests.support.screens import SCREEN_UPDATED
from tests.support.snapshot import unchanged
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient

ACTIVE = 'shulgraph_subscriptions_active{operation="ScreenUpdated"}'


async def parked(
    app: Any, tv: TV, document: str = SCREEN_UPDATED, name: str = "ScreenUpdated"
) -> tuple[WSClient, dict[str, Any]]:
    """A TV's socket to the app, its screen subscribed as "screen"; its first state."""
    socket = await WSClient.in_process(app)
    assert (await socket.init(tv.init_payload))["type"] == "connection_ack"
    await socket.send({"id": "screen", "type": "subscribe", "payload": {"query": document, "operationName": name}})
    return socket, (await socket.next_data("screen"))["screenUpdated"]


def watches(app: Any, tenant_id: int) -> set[ScreenWatch]:
    feed = hub_for(app.state.broadcast).feeds.get(tenant_id)
    return set() if feed is None else feed.watches.watches


def slots(app: Any, tenant_id: int) -> list[ScreenSlot]:
    """The slots of the tenant's parked screens (each watch delivers through its slot)."""
    found = [getattr(watch.deliver, "__self__", None) for watch in watches(app, tenant_id) if watch.armed]
    return [slot for slot in found if isinstance(slot, ScreenSlot)]


async def all_parked(app: Any, tenant_id: int, count: int) -> None:
    await wait_until(lambda: len(slots(app, tenant_id)) == count, f"{count} screens of the tenant parked")


async def active(http: httpx.AsyncClient) -> float:
    for line in (await http.get("/metrics")).text.splitlines():
        if line.startswith(ACTIVE + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_a_parked_screen_has_no_task_and_follows_every_change(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tvs = [await make_tv(admin.tenant, name=f"TV {n}") for n in range(4)]
    opened = [await parked(app, tv) for tv in tvs]
    try:
        await all_parked(app, admin.tenant.id, 4)
        for slot in slots(app, admin.tenant.id):
            handler: Any = slot.handler
            assert handler.parked == {"screen": slot} and handler.operations["screen"].task is None
        for title in ("Kiddush after davening", "Mincha at 1:45"):
            await create_message(gql, admin, title)
            for socket, _ in opened:
                state = (await socket.next_data("screen"))["screenUpdated"]
                assert title in [message["title"] for message in state["messages"]]
    finally:
        for socket, _ in opened:
            await socket.close()
    await wait_until(lambda: admin.tenant.id not in hub_for(app.state.broadcast).feeds, "the tenant's feed stopped")


async def test_complete_releases_a_parked_screen_and_frees_its_id(
    app: Any, http: httpx.AsyncClient, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    before = await active(http)
    socket, first = await parked(app, tv)
    try:
        await all_parked(app, admin.tenant.id, 1)
        assert await active(http) == before + 1  # a parked operation is still an open one
        await socket.send({"id": "screen", "type": "complete"})
        await wait_until(lambda: admin.tenant.id not in hub_for(app.state.broadcast).feeds, "the feed stopped")

        async def counted_out() -> bool:
            return await active(http) == before

        await wait_until(counted_out, "the operation no longer counted")
        await create_message(gql, admin, "Seen by the next subscription only")
        assert await socket.still_open()
        await socket.subscribe("screen", SCREEN_UPDATED)  # the id is free again
        again = (await socket.next_data("screen"))["screenUpdated"]
        assert again["version"] != first["version"] and again["messages"]
    finally:
        await socket.close()


async def test_a_parked_operation_keeps_its_id_taken(app: Any, factory: Factory) -> None:
    tenant = await factory.tenant()
    socket, _ = await parked(app, await make_tv(tenant))
    try:
        await all_parked(app, tenant.id, 1)
        await socket.subscribe("screen", SCREEN_UPDATED)
        assert await socket.close_code() == 4409
    finally:
        await socket.close()
    await wait_until(lambda: not watches(app, tenant.id), "the closed socket's watch released")


async def test_a_parked_screen_that_cannot_be_served_shared_gets_a_stream_of_its_own(
    app: Any, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    lone = "subscription LoneScreen { screenUpdated { version messages { title } } }"  # a shape of its own
    socket, _ = await parked(app, await make_tv(admin.tenant), lone, "LoneScreen")
    try:
        await all_parked(app, admin.tenant.id, 1)
        [slot] = slots(app, admin.tenant.id)
        handler: Any = slot.handler
        assert slot.shape is not None
        release_shape(slot.shape)  # the feed no longer holds an executor for it: its next state cannot be shared
        await create_message(gql, admin, "Delivered by its own stream")
        state = (await socket.next_data("screen"))["screenUpdated"]
        assert [message["title"] for message in state["messages"]] == ["Delivered by its own stream"]
        assert handler.parked == {} and not watches(app, admin.tenant.id)
        assert handler.operations["screen"].task is not None  # a stream again, and it goes on
        await create_message(gql, admin, "And the next one")
        state = (await socket.next_data("screen"))["screenUpdated"]
        assert "And the next one" in [message["title"] for message in state["messages"]]
    finally:
        await socket.close()


async def test_a_slow_screen_delays_only_itself_and_then_gets_the_newest_state(factory: Factory) -> None:
    tenant = await factory.tenant()
    slow_tv, quick_tv = await make_tv(tenant, name="Slow"), await make_tv(tenant, name="Quick")
    marks: list[datetime] = []

    async def ticking_source(tenant_id: int, now: datetime) -> dict[str, Any]:
        if not marks:
            marks.extend(now + timedelta(seconds=s) for s in (0.5, 1.0, 1.5, 3600))
        valid_until = min(mark for mark in marks if mark > now)
        return {"synagogue_name": "Ticking", "timezone": "UTC", "date": now.date(), "messages": [],
                "valid_until": valid_until}  # fmt: skip

    unblock = asyncio.Event()
    slow: list[str] = []
    quick: list[str] = []

    async def slow_deliver(state: ScreenState) -> None:
        slow.append(state.version)
        await unblock.wait()

    async def quick_deliver(state: ScreenState) -> None:
        quick.append(state.version)

    broadcast = Broadcast("memory://")
    await broadcast.connect()
    hub = ScreenHub(broadcast, source=ticking_source, debounce_seconds=0.01)
    slow_watch, first = await hub.watch(tenant.id, slow_tv.device.id, slow_deliver)
    quick_watch, _ = await hub.watch(tenant.id, quick_tv.device.id, quick_deliver)
    try:
        hub.arm(slow_watch)
        hub.arm(quick_watch)
        await wait_until(lambda: len(quick) >= 3, "three boundaries delivered to the quick screen")
        assert len(slow) == 1  # still sending its first new state
        unblock.set()
        await wait_until(lambda: len(slow) == 2, "the slow screen sent its newest state")
        assert slow == [quick[0], quick[-1]] and first.version not in quick  # the newest, not each one it missed
    finally:
        await hub.unwatch(slow_watch)
        await hub.unwatch(quick_watch)
        await broadcast.disconnect()
    assert hub.feeds == {}


async def test_missing_role_a_member_socket_parks_no_screen(
    app: Any, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await make_tv(admin.tenant)
    async with unchanged(owner_db, admin):
        socket = await WSClient.in_process(app)
        try:
            init = {"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid}
            assert (await socket.init(init))["type"] == "connection_ack"
            await socket.subscribe("screen", SCREEN_UPDATED)
            assert message_codes(await socket.next("screen")) == ["FORBIDDEN"]
            assert await socket.still_open()
        finally:
            await socket.close()
    assert admin.tenant.id not in hub_for(app.state.broadcast).feeds


async def test_cross_tenant_a_parked_screen_hears_nothing_of_another_synagogue(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    ours, theirs = await factory.member(role=Role.ADMIN), await factory.member(role=Role.ADMIN)
    our_socket, our_first = await parked(app, await make_tv(ours.tenant))
    their_socket, _ = await parked(app, await make_tv(theirs.tenant))
    try:
        await all_parked(app, ours.tenant.id, 1)
        await all_parked(app, theirs.tenant.id, 1)
        async with unchanged(owner_db, ours.tenant):
            await create_message(gql, theirs, "Only for the other synagogue")
            state = (await their_socket.next_data("screen"))["screenUpdated"]
            assert [message["title"] for message in state["messages"]] == ["Only for the other synagogue"]
        [our_watch] = watches(app, ours.tenant.id)
        assert our_watch.version == our_first["version"]  # nothing was delivered to our screen
        assert await our_socket.still_open()  # and the next message it gets is the pong
    finally:
        await our_socket.close()
        await their_socket.close()
