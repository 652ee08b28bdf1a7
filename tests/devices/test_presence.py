"""Live presence: the live devices of a process are refreshed together, two statements a tick however many
there are; one the sweep announced offline meanwhile comes back online with its event; a revoked device is
never refreshed; a device with two live subscriptions stays live until both end."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from typing import Any

from models.devices import DeviceIdentity
from services.devices import presence as module
from services.devices.presence import Presence
from subscriptions.backend import make_broadcast
from tests.support.actors import Factory
from tests.support.devices import TV, make_tv
from tests.support.events import device_events, tenant_feed
from tests.support.statements import count_statements


async def last_seen(tvs: list[TV]) -> dict[int, datetime | None]:
    rows = await DeviceIdentity.filter(device_id__in=[tv.device.id for tv in tvs])
    return {row.device_id: row.last_seen_at for row in rows}


async def age(tvs: list[TV], seconds: int = 60) -> None:
    ids = [tv.device.id for tv in tvs]
    await DeviceIdentity.filter(device_id__in=ids).update(last_seen_at=datetime.now(UTC) - timedelta(seconds=seconds))


async def test_live_devices_are_refreshed_together_at_a_fixed_cost(app: Any, factory: Factory) -> None:
    tenant = await factory.tenant()
    few = [await make_tv(tenant, f"Few {i}") for i in range(2)]
    many = [await make_tv(tenant, f"Many {i}") for i in range(40)]
    costs = []
    for tvs in (few, many):
        presence = Presence(app.state.broadcast, period=3600)
        try:
            for tv in tvs:
                await presence.join(tv.device.id, tenant.id)
                await presence.join(tv.device.id, tenant.id)  # its screen and its commands
            assert all(row.online for row in await DeviceIdentity.filter(device_id__in=[t.device.id for t in tvs]))
            await age(tvs)
            now = datetime.now(UTC)
            with count_statements() as statements:
                assert await presence.refresh(now) == len(tvs)
            costs.append(len(statements))
            assert set((await last_seen(tvs)).values()) == {now}
        finally:
            for tv in tvs:
                presence.leave(tv.device.id)
                presence.leave(tv.device.id)
        assert presence.live == {}
    assert costs == [2, 2]


async def test_a_live_device_swept_offline_comes_back_online_and_a_revoked_one_is_left_alone(
    app: Any, factory: Factory
) -> None:
    tenant = await factory.tenant()
    steady, swept, revoked = [await make_tv(tenant, name) for name in ("Steady", "Swept", "Revoked")]
    presence = Presence(app.state.broadcast, period=3600)
    try:
        for tv in (steady, swept, revoked):
            await presence.join(tv.device.id, tenant.id)
        await age([steady, swept, revoked])
        await DeviceIdentity.filter(device_id=swept.device.id).update(online=False)
        await DeviceIdentity.filter(device_id=revoked.device.id).update(online=False, revoked_at=datetime.now(UTC))
        before = await last_seen([revoked])
        async with tenant_feed(app, tenant.id) as feed:
            now = datetime.now(UTC)
            await presence.refresh(now)
            events = await device_events(feed, swept.device.id, "DEVICE_ONLINE")
        assert events["DEVICE_ONLINE"]["deviceId"] == swept.device.id
        rows = {
            row.device_id: row for row in await DeviceIdentity.filter(device_id__in=[steady.device.id, swept.device.id])
        }
        assert all(row.online and row.last_seen_at == now for row in rows.values())
        assert await last_seen([revoked]) == before
        revoked_row = await DeviceIdentity.get(device_id=revoked.device.id)
        assert not revoked_row.online
    finally:
        for tv in (steady, swept, revoked):
            presence.leave(tv.device.id)


async def test_a_device_stays_live_until_its_last_subscription_ends(app: Any, factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    presence = Presence(app.state.broadcast, period=3600)
    await presence.join(tv.device.id, tenant.id)
    await presence.join(tv.device.id, tenant.id)
    presence.leave(tv.device.id)
    assert tv.device.id in presence.live
    await age([tv])
    now = datetime.now(UTC)
    await presence.refresh(now)
    assert (await last_seen([tv]))[tv.device.id] == now
    presence.leave(tv.device.id)
    assert presence.live == {}
    await age([tv])
    await presence.refresh(datetime.now(UTC))
    last = (await last_seen([tv]))[tv.device.id]
    assert last is not None and last < now


def test_a_broadcasters_presence_goes_with_it() -> None:
    """The per-broadcaster presence does not keep its broadcaster (and itself) alive."""
    before = len(module._presences)
    broadcast = make_broadcast(None)
    assert module.presence_for(broadcast) is module.presence_for(broadcast)
    assert len(module._presences) == before + 1
    del broadcast
    gc.collect()
    assert len(module._presences) == before
