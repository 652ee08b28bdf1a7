"""Shabbat mode: whether the synagogue is between candle lighting and havdalah (Shabbat or yom tov) by its own times,
the ones its screens show (computed, or fixed by its holiday overrides), and so until when remote commands and content
edits are held. The rule itself is `luach.rest`'s."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from luach import RestEvent, rest_until
from models.base import current_tenant_id
from models.content import HolidayOverride
from models.synagogue import Synagogue
from services.content.holds import holds_at
from services.content.schedule import sabbath_times
from services.infra import clock

LOOK_AROUND_DAYS = 4
"""Days looked at on each side: the longest run of holy days (yom tov into Shabbat) is three."""


async def rest_ends(synagogue: Synagogue, now: datetime) -> datetime | None:
    """The havdalah ending the rest `now` falls in, by the synagogue's own times; None outside a rest."""
    today = now.astimezone(ZoneInfo(synagogue.timezone)).date()
    first, last = today - timedelta(days=LOOK_AROUND_DAYS), today + timedelta(days=LOOK_AROUND_DAYS)
    kinds = ("CANDLE_LIGHTING", "HAVDALAH")
    overrides = (await holds_at(now)).shown(  # as the screens show them: an override edited now is held as well
        HolidayOverride,
        await HolidayOverride.filter(date__gte=first, date__lte=last, kind__in=kinds),
        lambda row: first <= row.date <= last and row.kind in kinds,
    )
    events: list[RestEvent] = []
    for offset in range((last - first).days + 1):
        candles, havdalah = sabbath_times(synagogue, first + timedelta(days=offset), overrides)
        events += [RestEvent(candles, True)] if candles else []
        events += [RestEvent(havdalah, False)] if havdalah else []
    return rest_until(now, events)


async def held_until(urgent: bool = False, now: datetime | None = None) -> datetime | None:
    """Until when what is done now in the current synagogue waits: its havdalah when Shabbat mode is on and it is
    Shabbat or yom tov there; None otherwise, and for an urgent change."""
    synagogue = await Synagogue.get(id=current_tenant_id())
    if urgent or not synagogue.shabbat_mode:
        return None
    return await rest_ends(synagogue, now or clock.now())
