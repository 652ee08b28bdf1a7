"""screen_content: what a TV shows at a moment, its next time boundary, and a bounded query count."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from models.base import TenantContextMissing, tenant_scope
from models.content import Memorial, Message, PrayerTime, TorahClass
from services.content.screen_content import ScreenContent, screen_content
from tests.support.actors import Factory
from tests.support.content import CHICAGO, make
from tests.support.statements import count_statements

CENTRAL = ZoneInfo("America/Chicago")
NOW = datetime(2020, 6, 5, 17, 0, tzinfo=CENTRAL)  # Friday 13 Sivan 5780, before candle lighting (20:04)


async def _screen(tenant_id: int, now: datetime = NOW) -> ScreenContent:
    async with tenant_scope(tenant_id):
        return await screen_content(tenant_id, now)


async def test_screen_content_at_a_moment(factory: Factory) -> None:
    tenant = await factory.tenant(name="Anshe Chicago", **CHICAGO)
    other = await factory.tenant(**CHICAGO)
    await make(tenant.id, Message, title="Kiddush", priority=5, starts_at=datetime(2020, 6, 5, 9, 0, tzinfo=CENTRAL))
    await make(tenant.id, Message, title="Later", starts_at=datetime(2020, 6, 5, 17, 30, tzinfo=CENTRAL))
    await make(tenant.id, Message, title="Over", ends_at=datetime(2020, 6, 5, 16, 0, tzinfo=CENTRAL))
    await make(other.id, Message, title="Foreign")
    await make(
        tenant.id, PrayerTime, name="Mincha", days=["FRIDAY"], relative_to="candleLighting", location="Beit midrash"
    )
    await make(tenant.id, TorahClass, title="Parasha", days=["FRIDAY"], time=datetime(2020, 1, 1, 18, 30).time())
    await make(tenant.id, Memorial, name="Today", hebrew_year=5770, hebrew_month="SIVAN", hebrew_day=13, plaque="C4")
    await make(tenant.id, Memorial, name="Sunday", hebrew_year=5770, hebrew_month="SIVAN", hebrew_day=15)
    await make(other.id, Memorial, name="Foreign", hebrew_year=5770, hebrew_month="SIVAN", hebrew_day=13)

    screen = await _screen(tenant.id)
    assert screen.synagogue_name == "Anshe Chicago" and screen.date == NOW.date()
    assert screen.hebrew_date == "13 Sivan 5780" and screen.parasha == "Nasso"
    candles = screen.candle_lighting
    assert candles is not None and candles.strftime("%H:%M") in ("20:04", "20:03", "20:05")
    assert [m.title for m in screen.messages] == ["Kiddush"]
    assert [(p.name, p.time, p.location) for p in screen.prayers] == [("Mincha", candles, "Beit midrash")]
    assert [(c.title, c.time.strftime("%H:%M")) for c in screen.classes] == [("Parasha", "18:30")]
    assert [(y.name, y.plaque) for y in screen.yahrzeits_today] == [("Today", "C4")]
    assert [y.name for y in screen.yahrzeits] == ["Today"]  # the default: its date
    assert [z.key for z in screen.zmanim][:2] == ["alotHaShachar", "sunrise"]
    assert screen.valid_until == datetime(2020, 6, 5, 17, 30, tzinfo=CENTRAL)

    evening = await _screen(tenant.id, datetime(2020, 6, 5, 23, 0, tzinfo=CENTRAL))
    assert evening.valid_until == datetime(2020, 6, 6, 0, 0, tzinfo=CENTRAL)
    assert [m.title for m in evening.messages] == ["Kiddush", "Later"]
    assert evening.yahrzeits == []  # its light went out at sunset


async def test_screen_content_query_count_does_not_grow_with_rows(factory: Factory) -> None:
    small, large = await factory.tenant(**CHICAGO), await factory.tenant(**CHICAGO)
    for tenant, count in ((small, 1), (large, 25)):
        for i in range(count):
            await make(tenant.id, Message, title=f"m{i}")
            await make(tenant.id, PrayerTime, name=f"p{i}", days=["FRIDAY"], relative_to="sunset", offset_minutes=-i)
            await make(tenant.id, Memorial, name=f"y{i}", hebrew_year=5770, hebrew_month="SIVAN", hebrew_day=13)
    with count_statements() as few:
        await _screen(small.id)
    with count_statements() as many:
        screen = await _screen(large.id)
    assert len(screen.prayers) == 25 and len(screen.yahrzeits_today) == 25
    assert 0 < len(few) == len(many) <= 12


async def test_screen_content_needs_its_tenant_scope(factory: Factory) -> None:
    a, b = await factory.tenant(**CHICAGO), await factory.tenant(**CHICAGO)
    with pytest.raises(TenantContextMissing):
        await screen_content(a.id, NOW)
    async with tenant_scope(b.id):
        with pytest.raises(RuntimeError):
            await screen_content(a.id, NOW)
