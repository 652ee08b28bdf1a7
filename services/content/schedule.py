"""The synagogue's day, computed: calendar facts from `luach`, prayer times resolved for the date,
classes, Torah-reading assignments, and the synagogue's own overrides. One statement for any number of days,
whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from luach import (
    CANDLE_LIGHTING_KEY,
    DayKind,
    HavdalahOpinion,
    HebrewDate,
    HebrewMonth,
    Location,
    RoundDirection,
    candle_lighting,
    daf_yomi,
    day_kinds,
    havdalah,
    holidays,
    omer_day,
    parasha,
    resolve_relative,
    round_time,
)
from luach.seasons import HebrewDay, in_hebrew_season
from models.content import WEEKDAYS, AliyahAssignment, HolidayOverride, PrayerTime, TorahClass
from models.synagogue import Synagogue
from models.together import PreparedTogether, Read
from services.content.holds import Holds

ALIYOT: tuple[str, ...] = (
    "KOHEN", "LEVI", "SHLISHI", "REVII", "CHAMISHI", "SHISHI", "SHEVII", "ACHARON", "MAFTIR",
)  # fmt: skip
OVERRIDE_KINDS: tuple[str, ...] = ("CANDLE_LIGHTING", "HAVDALAH", "PRAYER_TIME")


def location_of(synagogue: Synagogue) -> Location:
    return Location(
        latitude=synagogue.latitude,
        longitude=synagogue.longitude,
        timezone=synagogue.timezone,
        elevation=synagogue.elevation,
        use_elevation=synagogue.use_elevation,
    )


def wall_time(day: date, at: time, zone: ZoneInfo) -> datetime:
    """`at` on `day` in `zone`; a wall time in a DST gap becomes the real instant after it."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def in_season(valid_from: date | None, valid_to: date | None, day: date, recurs_yearly: bool = False) -> bool:
    """Whether `day` falls in the season (inclusive). A yearly season compares (month, day) only and
    wraps the year end when its end comes before its start (Nov 1 - Mar 31)."""
    if recurs_yearly and valid_from is not None and valid_to is not None:
        start, end, at = (valid_from.month, valid_from.day), (valid_to.month, valid_to.day), (day.month, day.day)
        return start <= at <= end if start <= end else at >= start or at <= end
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def hebrew_season_of(prayer: PrayerTime) -> tuple[HebrewDay, HebrewDay] | None:
    season = prayer.hebrew_season
    if not season:
        return None
    start, end = season["start"], season["end"]
    return HebrewDay(HebrewMonth(start["month"]), start["day"]), HebrewDay(HebrewMonth(end["month"]), end["day"])


def applies_on(prayer: PrayerTime, day: date, kinds: set[DayKind], hebrew: HebrewDate | None = None) -> bool:
    """Whether a prayer time is said on `day` (see `PrayerTime`'s docstring)."""
    if not in_season(prayer.valid_from, prayer.valid_to, day, prayer.recurs_yearly):
        return False
    season = hebrew_season_of(prayer)
    if season is not None and not in_hebrew_season(hebrew or HebrewDate.from_civil(day), *season):
        return False
    names = {kind.value for kind in kinds}
    if names & set(prayer.exclude_day_kinds):
        return False
    return weekday_name(day) in prayer.days or bool(names & set(prayer.day_kinds))


@dataclass(frozen=True)
class ScheduledPrayer:
    name: str
    time: datetime | None
    location: str
    prayer_time_id: int


@dataclass(frozen=True)
class ScheduledClass:
    title: str
    teacher: str
    time: datetime
    location: str
    torah_class_id: int


@dataclass(frozen=True)
class DayPlan:
    date: date
    hebrew_date: HebrewDate
    parasha: str | None
    holidays: list[str]
    candle_lighting: datetime | None
    havdalah: datetime | None
    prayers: list[ScheduledPrayer]
    classes: list[ScheduledClass]
    aliyot: list[tuple[str, str]]
    omer_day: int | None
    daf_yomi: str | None
    kinds: set[DayKind] = field(default_factory=set)


@dataclass
class ContentRows:
    """The rows a day's plan is computed from, loaded once for a range of days."""

    prayers: list[PrayerTime]
    classes: list[TorahClass]
    aliyot: list[AliyahAssignment]
    overrides: list[HolidayOverride]


def content_queries(start: date, end: date) -> tuple[Read, Read, Read, Read]:
    """The reads of `ContentRows` for the days from `start` to `end` (in its order), to run together."""
    return (
        PrayerTime.all(),
        TorahClass.all(),
        AliyahAssignment.filter(date__gte=start, date__lte=end),
        HolidayOverride.filter(date__gte=start, date__lte=end),
    )


_CONTENT_READS = PreparedTogether(content_queries, (date.min, date.min))


async def load_rows(start: date, end: date, shown: Holds | None = None) -> ContentRows:
    """One statement (`models.together`, built once), whatever the number of rows or days. With `shown`, the rows as
    the screens show them (Shabbat mode: `services.content.holds`)."""
    return shown_rows(ContentRows(*await _CONTENT_READS.fetch(PrayerTime, start, end)), start, end, shown)


def shown_rows(rows: ContentRows, start: date, end: date, shown: Holds | None) -> ContentRows:
    """The rows of the days from `start` to `end` as the screens show them (`shown`: Shabbat mode's holds)."""
    if shown is None:
        return rows
    return ContentRows(
        prayers=sorted(shown.shown(PrayerTime, rows.prayers), key=lambda p: (p.sort_order, p.id)),
        classes=shown.shown(TorahClass, rows.classes),
        aliyot=shown.shown(AliyahAssignment, rows.aliyot, lambda a: start <= a.date <= end),
        overrides=shown.shown(HolidayOverride, rows.overrides, lambda o: start <= o.date <= end),
    )


def _resolve(
    prayer: PrayerTime,
    day: date,
    synagogue: Synagogue,
    location: Location,
    candles: datetime | None,
    candles_overridden: bool,
) -> datetime | None:
    zone = location.zone
    if prayer.fixed_time is not None:
        return wall_time(day, prayer.fixed_time, zone)
    key = prayer.relative_to or ""
    direction = RoundDirection(prayer.round_direction)
    if key == CANDLE_LIGHTING_KEY and candles_overridden:
        if candles is None:
            return None
        return round_time(candles + timedelta(minutes=prayer.offset_minutes), prayer.round_to_minutes, direction)
    return resolve_relative(
        day,
        location,
        key,
        prayer.offset_minutes,
        prayer.round_to_minutes,
        direction,
        candle_lighting_minutes=synagogue.candle_lighting_minutes,
        in_israel=synagogue.in_israel,
        havdalah_opinion=HavdalahOpinion(synagogue.havdalah_opinion),
    )


def sabbath_times(
    synagogue: Synagogue, day: date, overrides: list[HolidayOverride]
) -> tuple[datetime | None, datetime | None]:
    """The day's candle lighting and havdalah as the synagogue's screens show them: computed, or as the synagogue
    fixed them (`overrides` of any days; those of `day` apply)."""
    location = location_of(synagogue)
    zone, in_israel = location.zone, synagogue.in_israel
    opinion = HavdalahOpinion(synagogue.havdalah_opinion)
    candle_override = next((o for o in overrides if o.date == day and o.kind == "CANDLE_LIGHTING"), None)
    havdalah_override = next((o for o in overrides if o.date == day and o.kind == "HAVDALAH"), None)
    candles = (
        wall_time(day, candle_override.time, zone)
        if candle_override
        else candle_lighting(day, location, synagogue.candle_lighting_minutes, in_israel, havdalah_opinion=opinion)
    )
    if havdalah_override:
        return candles, wall_time(day, havdalah_override.time, zone)
    return candles, havdalah(day, location, opinion, in_israel)


def plan_day(synagogue: Synagogue, day: date, rows: ContentRows) -> DayPlan:
    """The day's plan from preloaded rows (pure: no queries)."""
    location = location_of(synagogue)
    zone = location.zone
    in_israel = synagogue.in_israel
    kinds = day_kinds(day, in_israel)
    hebrew = HebrewDate.from_civil(day)
    overrides = [o for o in rows.overrides if o.date == day]
    candle_override = next((o for o in overrides if o.kind == "CANDLE_LIGHTING"), None)
    prayer_overrides = {o.prayer_time_id: o for o in overrides if o.kind == "PRAYER_TIME"}
    candles, end_of_day = sabbath_times(synagogue, day, overrides)
    prayers: list[ScheduledPrayer] = []
    for prayer in rows.prayers:
        if not applies_on(prayer, day, kinds, hebrew):
            continue
        override = prayer_overrides.get(prayer.id)
        moment = (
            wall_time(day, override.time, zone)
            if override
            else _resolve(prayer, day, synagogue, location, candles, candle_override is not None)
        )
        prayers.append(ScheduledPrayer(prayer.name, moment, prayer.location, prayer.id))
    prayers.sort(key=lambda p: (p.time is None, p.time or datetime.max.replace(tzinfo=UTC)))
    weekday = weekday_name(day)
    classes = [
        ScheduledClass(c.title, c.teacher, wall_time(day, c.time, zone), c.location, c.id)
        for c in rows.classes
        if weekday in c.days
    ]
    classes.sort(key=lambda c: (c.time, c.title))
    aliyot = sorted(((a.aliyah, a.person_name) for a in rows.aliyot if a.date == day), key=lambda a: ALIYOT.index(a[0]))
    return DayPlan(
        date=day,
        hebrew_date=hebrew,
        parasha=parasha(day, in_israel),
        holidays=holidays(day, in_israel),
        candle_lighting=candles,
        havdalah=end_of_day,
        prayers=prayers,
        classes=classes,
        aliyot=aliyot,
        omer_day=omer_day(day),
        daf_yomi=daf_yomi(day),
        kinds=kinds,
    )


async def day_schedule(synagogue: Synagogue, day: date) -> DayPlan:
    return plan_day(synagogue, day, await load_rows(day, day))
