"""The time boundaries a live screen is refreshed at (`validUntil`): a message starting and ending, a prayer
time passing, candle lighting, midnight in the synagogue's own zone; walked from one boundary to the next
through a Friday afternoon until midnight."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.base import tenant_scope
from models.content import Message, PrayerTime
from services.content.screen_content import screen_content
from services.devices.screen_state import content_data, project
from tests.support.actors import Factory
from tests.support.content import CHICAGO, make

CENTRAL = ZoneInfo("America/Chicago")
JERUSALEM = ZoneInfo("Asia/Jerusalem")
FRIDAY = datetime(2020, 6, 5, 12, 0, tzinfo=CENTRAL)  # candle lighting about 20:04


async def boundaries(tenant_id: int, start: datetime) -> list[datetime]:
    """Each `valid_until` from `start`, following them until one is midnight."""
    seen: list[datetime] = []
    now = start
    async with tenant_scope(tenant_id):
        while True:
            content = await screen_content(tenant_id, now)
            assert content.valid_until > now
            seen.append(content.valid_until)
            if content.valid_until.astimezone(CENTRAL).time() == time(0) or len(seen) > 40:
                return seen
            now = content.valid_until


async def test_each_time_boundary_of_the_day_is_a_valid_until(factory: Factory) -> None:
    tenant = await factory.tenant(**CHICAGO)
    await make(tenant.id, Message, title="Starts", starts_at=datetime(2020, 6, 5, 13, 15, tzinfo=CENTRAL))
    await make(tenant.id, Message, title="Ends", ends_at=datetime(2020, 6, 5, 14, 40, tzinfo=CENTRAL))
    await make(tenant.id, PrayerTime, name="Mincha", days=["FRIDAY"], fixed_time=time(15, 30))
    await make(tenant.id, PrayerTime, name="Kabbalat Shabbat", days=["FRIDAY"], relative_to="candleLighting")

    walked = await boundaries(tenant.id, FRIDAY)
    async with tenant_scope(tenant.id):
        content = await screen_content(tenant.id, FRIDAY)
    candles = content.candle_lighting
    assert candles is not None and time(19, 55) < candles.astimezone(CENTRAL).time() < time(20, 10)
    local = [moment.astimezone(CENTRAL) for moment in walked]
    assert local == sorted(local)
    for expected in (
        datetime(2020, 6, 5, 13, 15, tzinfo=CENTRAL),  # a message starts
        datetime(2020, 6, 5, 14, 40, tzinfo=CENTRAL),  # a message ends
        datetime(2020, 6, 5, 15, 30, tzinfo=CENTRAL),  # a prayer time passes
        candles.astimezone(CENTRAL),  # candle lighting (and the prayer set by it)
    ):
        assert expected in local, (expected, local)
    assert local[-1] == datetime(2020, 6, 6, 0, 0, tzinfo=CENTRAL)  # midnight in the synagogue's zone

    async with tenant_scope(tenant.id):
        after_start = await screen_content(tenant.id, datetime(2020, 6, 5, 13, 15, tzinfo=CENTRAL))
        after_end = await screen_content(tenant.id, datetime(2020, 6, 5, 14, 40, tzinfo=CENTRAL))
    assert [m.title for m in content.messages] == ["Ends"]
    assert sorted(m.title for m in after_start.messages) == ["Ends", "Starts"]
    assert [m.title for m in after_end.messages] == ["Starts"]


async def test_midnight_is_the_synagogues_own(factory: Factory) -> None:
    tenant = await factory.tenant(timezone="Asia/Jerusalem", latitude=31.778, longitude=35.235)
    late = datetime(2020, 6, 5, 23, 30, tzinfo=JERUSALEM)  # 16:30 in Chicago, 20:30 UTC
    async with tenant_scope(tenant.id):
        content = await screen_content(tenant.id, late)
    assert content.valid_until == datetime(2020, 6, 6, 0, 0, tzinfo=JERUSALEM)
    assert content.valid_until - late == timedelta(minutes=30)


async def test_a_prayer_time_passing_is_a_new_state_though_nothing_shown_changed(factory: Factory) -> None:
    tenant = await factory.tenant(**CHICAGO)
    await make(tenant.id, PrayerTime, name="Mincha", days=["FRIDAY"], fixed_time=time(15, 30))
    mincha = datetime(2020, 6, 5, 15, 30, tzinfo=CENTRAL)
    async with tenant_scope(tenant.id):
        earlier, before, after = [
            project(content_data(await screen_content(tenant.id, mincha + offset)), {})
            for offset in (timedelta(minutes=-1), timedelta(seconds=-30), timedelta(seconds=1))
        ]
    assert earlier.version == before.version and before.valid_until == mincha  # nothing passed in between
    assert after.data == before.data  # the screen shows the same...
    assert after.valid_until is not None and after.valid_until > mincha  # ...until another boundary
    assert after.version != before.version  # so the TV is sent the state again


async def test_a_device_choosing_its_own_zmanim_is_refreshed_at_them(factory: Factory) -> None:
    tenant = await factory.tenant(**CHICAGO)
    async with tenant_scope(tenant.id):
        content = await screen_content(tenant.id, FRIDAY)
    base = content_data(content)
    shown = {zman.key for zman in content.zmanim}
    upcoming = sorted(
        (z for z in content.all_zmanim if z.key not in shown and z.time is not None and z.time > FRIDAY),
        key=lambda z: z.time or FRIDAY,
    )
    chosen = upcoming[0]  # the next zman the synagogue's screens leave out
    assert (
        chosen.time is not None and chosen.time < content.steady_until
    )  # before candle lighting, the day's next steady boundary

    own = project(base, {"contentOverrides": {"zmanimKeys": [chosen.key]}})
    assert [z["key"] for z in own.data["zmanim"]] == [chosen.key]
    assert own.valid_until == chosen.time
    assert base.wake_at is not None and base.wake_at <= chosen.time  # the shared content wakes for it too
    assert project(base, {}).valid_until == content.valid_until  # the synagogue's zmanim for the rest
    hidden = project(base, {"contentOverrides": {"hiddenSections": ["ZMANIM"]}})
    assert hidden.valid_until == content.steady_until  # no zman shown, none waited for
