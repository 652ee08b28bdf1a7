"""`Screen` over HTTP answered from the tenant's shared screen state (services/devices/screen_keep.py, screen_feed.py):
a request keeps its tenant's feed for `SCREEN_KEEP_SECONDS`, and the feed answers only while it is certainly current
(computed while its channel was listened to in the broker connection's current epoch, nothing heard since, its next
boundary not passed); otherwise the request computes the screen itself. A write answered by this process shows at
once; one announced only by another process shows once its message arrives; while the broker is away every request
computes. The feeds are the app's own in this process (`hub_for(app.state.broadcast)`), inspected directly.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from config import Settings
from models.content import Message
from models.identity import Role
from models.synagogue import Synagogue
from services.devices.screen_feed import TenantFeed
from services.devices.screen_hub import COMPUTED, SHARED, ScreenHub, hub_for
from subscriptions.backend import SharedChannels, make_broadcast
from subscriptions.channels import tenant_content
from subscriptions.content import publish_content_changed
from tests.support.actors import Factory
from tests.support.content import create_message, make
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.servers import redis_down, redis_url
from tests.support.snapshot import unchanged
from tests.support.waiting import wait_until


def hub(app: Any) -> ScreenHub:
    return hub_for(app.state.broadcast)


async def screen(gql: GQL, tv: TV) -> dict[str, Any]:
    result = await gql.op("Screen", headers=tv.headers)
    assert error_codes(result) == [], result
    state: dict[str, Any] = result["data"]["screen"]
    return state


def titles(state: dict[str, Any]) -> list[str]:
    return [message["title"] for message in state["messages"]]


def answers() -> tuple[float, float]:
    """Screen requests answered so far in this process: (from a shared feed, computed for the request)."""
    return SHARED._value.get(), COMPUTED._value.get()


async def certain_feed(app: Any, tenant_id: int) -> TenantFeed:
    """The tenant's kept feed, once it certainly shows the tenant's content."""
    feed = hub(app).feeds[tenant_id]
    await wait_until(lambda: feed.certain(datetime.now(UTC)), "the kept feed certainly current", timeout=30)
    return feed


async def shown_from_the_feed(app: Any, gql: GQL, tv: TV, tenant_id: int) -> list[str]:
    """The titles the next screen shows once the tenant's feed is certainly current again, answered from it."""
    await certain_feed(app, tenant_id)
    shared, _ = answers()
    shown = titles(await screen(gql, tv))
    assert answers()[0] == shared + 1, "not answered from the kept feed"
    return shown


async def kept_tv(app: Any, gql: GQL, tenant: Synagogue) -> tuple[TV, TenantFeed]:
    """A TV of `tenant` that asked for its screen once, and the feed that request kept, certainly current."""
    tv = await make_tv(tenant)
    await screen(gql, tv)
    assert tenant.id in hub(app).kept
    return tv, await certain_feed(app, tenant.id)


async def test_the_second_screen_is_answered_from_the_kept_feed(app: Any, gql: GQL, factory: Factory) -> None:
    tenant = await factory.tenant()
    await make(tenant.id, Message, title="Kiddush")
    tv = await make_tv(tenant)
    shared, computed = answers()
    first = await screen(gql, tv)
    assert answers() == (shared, computed + 1)  # nothing kept yet: computed as before
    feed = await certain_feed(app, tenant.id)
    second, third = await screen(gql, tv), await screen(gql, tv)
    assert answers() == (shared + 2, computed + 1)
    assert titles(first) == titles(second) == ["Kiddush"]
    assert feed.base is not None and datetime.fromisoformat(second["generatedAt"]) == feed.base.generated_at
    assert second == third  # the same shared state: same version, same moment


async def test_a_message_created_through_the_api_shows_on_the_next_screen_at_once(
    app: Any, gql: GQL, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    assert editor.tenant is not None
    tv, feed = await kept_tv(app, gql, editor.tenant)
    heard: list[str] = []
    monkeypatch.setattr(feed, "_on_message", heard.append)  # the broker's copy is held back: only our own counts
    await create_message(gql, editor, "Fresh from the office")
    assert titles(await screen(gql, tv)) == ["Fresh from the office"]
    # computed again on this process's own publication
    assert await shown_from_the_feed(app, gql, tv, editor.tenant.id) == ["Fresh from the office"]


async def test_a_request_during_the_feeds_computation_does_not_leave_it_uncertain(
    app: Any, gql: GQL, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a fleet's steady requests some always arrive while the feed computes; were each to ask for another
    computation, none would ever be certain and every request would compute for itself."""
    editor = await factory.member(role=Role.EDITOR)
    assert editor.tenant is not None
    tv, feed = await kept_tv(app, gql, editor.tenant)
    monkeypatch.setattr(feed, "_on_message", lambda message: None)  # only this process's own publication counts
    computing, release = asyncio.Event(), asyncio.Event()
    compute = hub(app).source

    async def held_source(tenant_id: int, now: datetime) -> Any:
        if asyncio.current_task() in feed._tasks:  # the feed's computation waits; the requests' do not
            computing.set()
            await release.wait()
        return await compute(tenant_id, now)

    monkeypatch.setattr(hub(app), "source", held_source)
    old = feed.base
    await create_message(gql, editor, "Changed under load")
    await asyncio.wait_for(computing.wait(), 30)
    assert titles(await screen(gql, tv)) == ["Changed under load"]  # computed for the request, meanwhile
    release.set()
    await wait_until(lambda: feed.base is not old, "the feed's computation done", timeout=30)
    assert feed.certain(datetime.now(UTC))
    assert await shown_from_the_feed(app, gql, tv, editor.tenant.id) == ["Changed under load"]


async def test_a_change_announced_only_by_another_process_shows_once_its_message_arrives(
    app: Any, gql: GQL, factory: Factory
) -> None:
    tenant = await factory.tenant()
    tv, _ = await kept_tv(app, gql, tenant)
    await make(tenant.id, Message, title="Written elsewhere")  # straight to the database: nothing announced here
    shared, _ = answers()
    assert titles(await screen(gql, tv)) == []  # until its announcement arrives, the kept feed answers
    assert answers()[0] == shared + 1
    other = make_broadcast(redis_url())  # another process's broadcaster on the same Redis
    await other.connect()
    try:
        await publish_content_changed(other, tenant.id)

        async def shown() -> bool:
            return titles(await screen(gql, tv)) == ["Written elsewhere"]

        await wait_until(shown, "the change announced by another process on the screen", timeout=30)
    finally:
        await other.disconnect()


async def test_while_the_broker_is_down_an_unannounced_change_shows_at_once_and_after_it_returns(
    app: Any, gql: GQL, factory: Factory
) -> None:
    tenant = await factory.tenant()
    tv, _ = await kept_tv(app, gql, tenant)
    broadcast: SharedChannels = app.state.broadcast
    async with redis_down():
        await wait_until(lambda: broadcast.epoch() is None, "the broker's loss noticed", timeout=30)
        await make(tenant.id, Message, title="Written in the outage")  # nobody could hear of it
        _, computed = answers()
        assert titles(await screen(gql, tv)) == ["Written in the outage"]
        assert answers()[1] == computed + 1
    assert titles(await screen(gql, tv)) == ["Written in the outage"]
    # a new epoch, and the feed computed again in it
    assert await shown_from_the_feed(app, gql, tv, tenant.id) == ["Written in the outage"]


async def test_a_message_whose_end_passes_is_gone_from_the_next_screen_without_an_announcement(
    app: Any, gql: GQL, factory: Factory
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    assert editor.tenant is not None
    ends = datetime.now(UTC) + timedelta(seconds=3)
    await create_message(gql, editor, "Ends soon", endsAt=ends.isoformat())
    tv, feed = await kept_tv(app, gql, editor.tenant)
    assert titles(await screen(gql, tv)) == ["Ends soon"]
    assert feed.base is not None and feed.base.wake_at is not None and feed.base.wake_at <= ends
    if feed._timer is not None:
        feed._timer.cancel()  # the boundary's own recomputation late: only the rule keeps the screen right
    await wait_until(lambda: datetime.now(UTC) >= ends, "the message's end passed", timeout=30)
    later = await screen(gql, tv)
    assert titles(later) == []
    assert datetime.fromisoformat(later["generatedAt"]) >= ends


async def test_two_synagogues_kept_feeds_never_mix_cross_tenant(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    mine, theirs = await factory.member(role=Role.OWNER), await factory.member(role=Role.OWNER)
    assert mine.tenant is not None and theirs.tenant is not None
    await make(mine.tenant.id, Message, title="Ours")
    await make(theirs.tenant.id, Message, title="Theirs")
    my_tv, my_feed = await kept_tv(app, gql, mine.tenant)
    their_tv, their_feed = await kept_tv(app, gql, theirs.tenant)
    assert my_feed is not their_feed
    for _ in range(2):
        assert titles(await screen(gql, my_tv)) == ["Ours"]
        assert titles(await screen(gql, their_tv)) == ["Theirs"]
    async with unchanged(owner_db, mine, theirs):
        naming = await gql.op("Screen", headers={**my_tv.headers, "X-Tenant-ID": theirs.tenant_gid or ""})
    assert error_codes(naming) == ["FORBIDDEN"] and naming["data"] is None
    assert titles(await screen(gql, their_tv)) == ["Theirs"]


async def test_a_caller_that_is_not_a_device_keeps_no_feed_missing_role(
    app: Any, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    assert owner.tenant is not None
    async with unchanged(owner_db, owner):
        member = await gql.op("Screen", actor=owner)
        anonymous = await gql.op("Screen", headers={"X-Tenant-ID": owner.tenant_gid or ""})
    assert error_codes(member) == ["FORBIDDEN"] and error_codes(anonymous) == ["UNAUTHENTICATED"]
    assert owner.tenant.id not in hub(app).kept and owner.tenant.id not in hub(app).feeds


async def test_with_screen_keep_seconds_zero_nothing_is_kept(
    app: Any, gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "screen_keep_seconds", 0.0)
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    shared, computed = answers()
    first, second = await screen(gql, tv), await screen(gql, tv)
    assert answers() == (shared, computed + 2)
    assert first["generatedAt"] != second["generatedAt"]
    assert tenant.id not in hub(app).kept and tenant.id not in hub(app).feeds


async def test_the_feed_leaves_after_the_keep_time(
    app: Any, gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "screen_keep_seconds", 1.0)
    tenant = await factory.tenant()
    tv, feed = await kept_tv(app, gql, tenant)
    broadcast: SharedChannels = app.state.broadcast
    channel = tenant_content(tenant.id)
    assert channel in broadcast._subscribers and channel in broadcast._on_publish
    await wait_until(lambda: tenant.id not in hub(app).feeds, "the kept feed left", timeout=30)
    assert tenant.id not in hub(app).kept
    assert channel not in broadcast._subscribers and channel not in broadcast._on_publish
    assert not feed.listening.is_set()
    assert titles(await screen(gql, tv)) == []  # and a later request keeps it again
    assert tenant.id in hub(app).kept


async def test_past_the_most_feeds_kept_the_least_recently_asked_for_leaves(
    app: Any, gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "screen_keep_max_feeds", 2)
    first, second, third = [await factory.tenant() for _ in range(3)]
    tvs = [await make_tv(tenant) for tenant in (first, second, third)]
    for tv in tvs[:2]:
        await screen(gql, tv)
    await screen(gql, tvs[0])  # the first synagogue asked again: the second is now the least recent
    await screen(gql, tvs[2])
    await wait_until(lambda: second.id not in hub(app).feeds, "the least recently asked feed left", timeout=30)
    assert len(hub(app).kept) == 2 and first.id in hub(app).kept and third.id in hub(app).kept


async def test_a_hub_shutting_down_leaves_every_kept_feed(app: Any, factory: Factory) -> None:
    broadcast: SharedChannels = app.state.broadcast
    own = ScreenHub(broadcast)
    tenants = [await factory.tenant() for _ in range(2)]
    for tenant in tenants:
        tv = await make_tv(tenant)
        await own.snapshot(tenant.id, tv.device.id, keep_seconds=60, keep_most=10)
        await own.snapshot(tenant.id, tv.device.id, keep_seconds=60, keep_most=10)
    assert set(own.feeds) == {tenant.id for tenant in tenants} and len(own.kept) == 2
    feeds = list(own.feeds.values())
    await own.close()
    assert own.feeds == {} and len(own.kept) == 0
    assert all(not feed.listening.is_set() and feed.subscribers == 0 for feed in feeds)
