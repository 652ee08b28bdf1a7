"""Everything a TV screen shows for a synagogue at a moment, and until when it stays true.

`screen_content(tenant_id, now)` must run inside `tenant_scope(tenant_id)` (the caller's job). It makes
a bounded number of queries (eight), whatever the number of messages, memorials or prayer times, and
is computed once per change for all of a tenant's screens by the caller. `valid_until` is the next
moment the content changes by itself: a message starting or ending, a prayer time or a chosen zman
passing, candle lighting, havdalah, or midnight in the synagogue's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from luach import ZMAN_LABELS, compute_zmanim
from models.base import current_tenant_id
from models.content import Message
from models.synagogue import Synagogue
from services.content.messages import is_active
from services.content.preferences import preferences
from services.content.schedule import load_rows, location_of, plan_day, wall_time
from services.content.yahrzeits import yahrzeit_board
from services.infra.ids import to_global_id

WEEK_DAYS = 7


@dataclass(frozen=True)
class ScreenZman:
    key: str
    """The @hebcal/core name (`luach.ZMAN_ENUM_NAMES[key]` is its `ZmanKey` value)."""

    label: str
    time: datetime | None


@dataclass(frozen=True)
class ScreenPrayer:
    name: str
    time: datetime | None
    location: str


@dataclass(frozen=True)
class ScreenMessage:
    id: str
    """The message's global id (as `node(id:)` takes it)."""

    title: str
    body: str
    priority: int


@dataclass(frozen=True)
class ScreenYahrzeit:
    memorial_id: int
    name: str
    hebrew_name: str
    date: date
    hebrew_date: str
    plaque: str


@dataclass(frozen=True)
class ScreenClass:
    title: str
    teacher: str
    time: datetime
    location: str


@dataclass(frozen=True)
class ScreenContent:
    """A screen's state. Times are tz-aware in the synagogue's zone; hidden daily items are None."""

    tenant_id: int
    synagogue_name: str
    timezone: str
    now: datetime
    date: date
    hebrew_date: str | None
    hebrew_date_hebrew: str | None
    parasha: str | None
    holidays: list[str]
    candle_lighting: datetime | None
    havdalah: datetime | None
    omer_day: int | None
    daf_yomi: str | None
    zmanim: list[ScreenZman]
    prayers: list[ScreenPrayer]
    messages: list[ScreenMessage]
    yahrzeits_today: list[ScreenYahrzeit]
    yahrzeits_week: list[ScreenYahrzeit]
    classes: list[ScreenClass]
    valid_until: datetime
    """The next time boundary of what the synagogue shows: a message starting or ending, a prayer, candle
    lighting, havdalah, one of its zmanim, midnight."""
    steady_until: datetime
    """The same without any zman: a device that chooses its own zmanim adds the next of those."""
    daily_items: dict[str, object]
    """Every daily item (HEBREW_DATE, PARASHA, OMER, DAF_YOMI) whatever the preferences: a device may show one
    its synagogue leaves out."""

    all_zmanim: list[ScreenZman]
    """Every zman of the day, for devices that choose their own (`zmanimKeys`)."""


def _next_boundary(now: datetime, zone: ZoneInfo, candidates: list[datetime | None]) -> datetime:
    midnight = wall_time(now.astimezone(zone).date() + timedelta(days=1), time(0), zone)
    future = [moment for moment in candidates if moment is not None and now < moment < midnight]
    return min(future, default=midnight)


async def screen_content(tenant_id: int, now: datetime) -> ScreenContent:
    """The screen state of `tenant_id` at `now` (tz-aware). Run inside `tenant_scope(tenant_id)`."""
    if current_tenant_id() != tenant_id:
        raise RuntimeError("screen_content must run inside tenant_scope(tenant_id)")
    synagogue = await Synagogue.get(id=tenant_id)
    zone = ZoneInfo(synagogue.timezone)
    local_now = now.astimezone(zone)
    today = local_now.date()
    prefs = await preferences()
    rows = await load_rows(today, today)
    plan = plan_day(synagogue, today, rows)
    messages = await Message.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)).order_by("-priority", "-id")
    board = await yahrzeit_board(today, today + timedelta(days=WEEK_DAYS - 1))
    all_zmanim = compute_zmanim(today, location_of(synagogue))
    every_zman = [ScreenZman(key, ZMAN_LABELS[key], moment) for key, moment in all_zmanim.items()]
    zmanim = [ScreenZman(key, ZMAN_LABELS[key], all_zmanim.get(key)) for key in prefs.zmanim if key in all_zmanim]
    week = [
        ScreenYahrzeit(
            e.memorial.id, e.memorial.name, e.memorial.hebrew_name, e.date, e.hebrew_date.display, e.memorial.plaque
        )
        for e in board
    ]
    steady: list[datetime | None] = [plan.candle_lighting, plan.havdalah]
    steady += [p.time for p in plan.prayers]
    steady += [m.starts_at for m in messages] + [m.ends_at for m in messages]
    return ScreenContent(
        tenant_id=tenant_id,
        synagogue_name=synagogue.name,
        timezone=synagogue.timezone,
        now=local_now,
        date=today,
        hebrew_date=plan.hebrew_date.display if prefs.show_hebrew_date else None,
        hebrew_date_hebrew=plan.hebrew_date.hebrew_display if prefs.show_hebrew_date else None,
        parasha=plan.parasha if prefs.show_parasha else None,
        holidays=plan.holidays,
        candle_lighting=plan.candle_lighting,
        havdalah=plan.havdalah,
        omer_day=plan.omer_day if prefs.show_omer else None,
        daf_yomi=plan.daf_yomi if prefs.show_daf_yomi else None,
        zmanim=zmanim,
        prayers=[ScreenPrayer(p.name, p.time, p.location) for p in plan.prayers],
        messages=[
            ScreenMessage(to_global_id("Message", m.id), m.title, m.body, m.priority)
            for m in messages
            if is_active(m, now)
        ],
        yahrzeits_today=[y for y in week if y.date == today],
        yahrzeits_week=week,
        classes=[ScreenClass(c.title, c.teacher, c.time, c.location) for c in plan.classes],
        valid_until=_next_boundary(now, zone, steady + [z.time for z in zmanim]),
        steady_until=_next_boundary(now, zone, steady),
        daily_items={
            "HEBREW_DATE": plan.hebrew_date.display,
            "PARASHA": plan.parasha,
            "OMER": plan.omer_day,
            "DAF_YOMI": plan.daf_yomi,
        },
        all_zmanim=every_zman,
    )
