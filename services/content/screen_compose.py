"""What a TV screen shows, composed from what was read: the plan of the day, the zmanim, the running messages, the
lit yahrzeits and the images, and until when it all stays true. Pure: `services.content.screen_content` reads the
rows (and the bench's floor reads them its own way) and this module composes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from config import Settings
from luach import ZMAN_LABELS, compute_zmanim
from models.content import DailyContentPreference, Message
from models.media import Media, MediaStatus
from models.synagogue import Synagogue
from services.content.holds import Holds
from services.content.media import image_of
from services.content.messages import is_active
from services.content.schedule import (
    ContentRows,
    DayPlan,
    location_of,
    plan_day,
    wall_time,
)
from services.content.yahrzeits import (
    BoardEntry,
)
from services.infra.ids import to_global_id


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
    image: dict[str, object] | None = None
    """A slide's image: `{url, width, height}` (the URL signed to outlast the state's `valid_until`)."""
    caption: str = ""


@dataclass(frozen=True)
class ScreenYahrzeit:
    memorial_id: int
    name: str
    hebrew_name: str
    date: date
    hebrew_date: str
    plaque: str
    photo: dict[str, object] | None = None
    """The memorial's photo: `{url, width, height}` (the URL signed to outlast the state's `valid_until`)."""


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
    """The lit yahrzeits kept today."""
    yahrzeits: list[ScreenYahrzeit]
    """The yahrzeits whose light burns now, under the synagogue's policy (window and Adar rule)."""
    classes: list[ScreenClass]
    valid_until: datetime
    """The next time boundary of what the synagogue shows: a message starting or ending, a prayer, candle
    lighting, havdalah, one of its zmanim, midnight, a yahrzeit light starting or ending at sunset, a held edit
    showing after havdalah."""
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


def _lit(entry: BoardEntry, today: date, now: datetime, sunset: datetime | None) -> bool:
    """Whether a board light burns at `now`: from sunset before its first day to sunset of its last."""
    after_sunset = sunset is not None and now >= sunset
    started = entry.first_day <= today or (entry.first_day == today + timedelta(days=1) and after_sunset)
    return started and (entry.last_day > today or (entry.last_day == today and not after_sunset))


def media_by_owner(rows: list[Media]) -> dict[tuple[str, int], Media]:
    found: dict[tuple[str, int], Media] = {}
    for row in rows:
        found[("message", row.message_id) if row.message_id else ("memorial", row.memorial_id or 0)] = row
    return found


@dataclass(frozen=True)
class ScreenRows:
    """What a screen is computed from, as read (models, or any rows with the same attributes)."""

    synagogue: Synagogue
    prefs: DailyContentPreference
    rows: ContentRows
    messages: list[Message]
    """The messages not ended at the moment as the screens show them, highest priority first (then newest)."""
    board: list[BoardEntry]
    """The memorial board of today and tomorrow, as the screens show it."""
    ends: list[datetime]
    """When each hold of Shabbat mode ends (a time boundary of the screen)."""


@dataclass(frozen=True)
class Shown:
    """What the screen shows at a moment, but the images: `compose` finishes it once those are read."""

    now: datetime
    local_now: datetime
    today: date
    plan: DayPlan
    all_zmanim: dict[str, datetime | None]
    messages: list[Message]
    lit: list[BoardEntry]

    @property
    def media_wanted(self) -> tuple[list[int], set[int]]:
        """The messages and memorials whose images the screen may show."""
        return [m.id for m in self.messages], {e.memorial.id for e in self.lit}


def shown_at(data: ScreenRows, now: datetime) -> Shown:
    """The day's plan, zmanim, running messages and lit yahrzeits at `now` (pure)."""
    synagogue = data.synagogue
    local_now = now.astimezone(ZoneInfo(synagogue.timezone))
    today = local_now.date()
    all_zmanim = compute_zmanim(today, location_of(synagogue))
    sunset = all_zmanim.get("sunset")
    return Shown(
        now=now,
        local_now=local_now,
        today=today,
        plan=plan_day(synagogue, today, data.rows),
        all_zmanim=all_zmanim,
        messages=data.messages,
        lit=[e for e in data.board if _lit(e, today, local_now, sunset)],
    )


def compose(data: ScreenRows, shown: Shown, media: dict[tuple[str, int], Media], settings: Settings) -> ScreenContent:
    """The screen state from what it shows and the images found for it (pure)."""
    synagogue, prefs, plan, board, now = data.synagogue, data.prefs, shown.plan, data.board, shown.now
    zone, today, all_zmanim, messages = ZoneInfo(synagogue.timezone), shown.today, shown.all_zmanim, shown.messages
    sunset = all_zmanim.get("sunset")
    every_zman = [ScreenZman(key, ZMAN_LABELS[key], moment) for key, moment in all_zmanim.items()]
    zmanim = [ScreenZman(key, ZMAN_LABELS[key], all_zmanim.get(key)) for key in prefs.zmanim if key in all_zmanim]
    steady: list[datetime | None] = [plan.candle_lighting, plan.havdalah]
    steady += [p.time for p in plan.prayers]
    steady += [m.starts_at for m in messages] + [m.ends_at for m in messages]
    steady += data.ends  # a held edit shows from its havdalah
    if any(e.first_day > today or e.last_day == today for e in board):
        steady.append(sunset)  # a light starts or ends at sunset
    valid_until = _next_boundary(now, zone, steady + [z.time for z in zmanim])
    lights = [
        ScreenYahrzeit(
            e.memorial.id,
            e.memorial.name,
            e.memorial.hebrew_name,
            e.date,
            e.hebrew_date.display,
            e.memorial.plaque,
            image_of(settings, media.get(("memorial", e.memorial.id)), "screen", valid_until),
        )
        for e in shown.lit
    ]
    return ScreenContent(
        tenant_id=synagogue.id,
        synagogue_name=synagogue.name,
        timezone=synagogue.timezone,
        now=shown.local_now,
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
            ScreenMessage(
                to_global_id("Message", m.id),
                m.title,
                m.body,
                m.priority,
                image_of(settings, image, "screen", valid_until) if (image := media.get(("message", m.id))) else None,
                image.caption if image else "",
            )
            for m in messages
            if is_active(m, now)
        ],
        yahrzeits_today=[y for y in lights if y.date == today],
        yahrzeits=lights,
        classes=[ScreenClass(c.title, c.teacher, c.time, c.location) for c in plan.classes],
        valid_until=valid_until,
        steady_until=_next_boundary(now, zone, steady),
        daily_items={
            "HEBREW_DATE": plan.hebrew_date.display,
            "PARASHA": plan.parasha,
            "OMER": plan.omer_day,
            "DAF_YOMI": plan.daf_yomi,
        },
        all_zmanim=every_zman,
    )


def media_shown(
    rows: list[Media], messages: list[Message], memorials: list[int], shown: Holds
) -> dict[tuple[str, int], Media]:
    """The READY images of the messages and of the memorials the screen may show, as the screens show them."""
    message_ids, memorial_ids = {m.id for m in messages}, set(memorials)

    def wanted(row: Media) -> bool:
        owned = row.message_id in message_ids or row.memorial_id in memorial_ids
        return owned and row.status == MediaStatus.READY

    return media_by_owner(shown.shown(Media, rows, wanted))
