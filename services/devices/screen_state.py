"""A screen's state: the tenant's screen content as plain data, projected through one device's settings.

The content comes from `services.content.screen_content.screen_content(tenant_id, now)` (the content domain). A state's
`version` is a hash of what it shows and of its `valid_until`, so every process computes the same version for
the same state, a TV can tell whether anything changed, and a boundary passing (a prayer time, candle lighting)
is a new state even when nothing shown changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import orjson

ContentSource = Callable[[int, datetime], Awaitable[Any]]


@dataclass(frozen=True)
class BaseContent:
    """The tenant's screen content, computed once per change and shared by every device."""

    data: dict[str, Any]
    valid_until: datetime | None
    """The next boundary of what the synagogue shows (a device showing its choice of zmanim: `until`)."""
    generated_at: datetime
    steady_until: datetime | None = None
    """The next boundary not counting zmanim (`valid_until` when the source tells none apart)."""
    computed_at: datetime | None = None
    """The moment the content is of (the source's `now`)."""

    @property
    def wake_at(self) -> datetime | None:
        """When the shared content is computed again: the next boundary of any device, every zman counted."""
        return self.until(self.data.get("zmanimAll") or [])

    def until(self, zmanim: list[dict[str, Any]] | None) -> datetime | None:
        """The next boundary of a device showing `zmanim` (None: the synagogue's own)."""
        if zmanim is None or self.steady_until is None:
            return self.valid_until
        now = self.computed_at or self.generated_at
        times: list[datetime] = [z["time"] for z in zmanim if isinstance(z.get("time"), datetime)]
        return min([self.steady_until, *(moment for moment in times if moment > now)])


@dataclass(frozen=True)
class ScreenState:
    """One device-settings projection of a tenant's content. Every screen of the process with those
    settings receives this very object; `payloads` holds what is built from it once for all of them."""

    version: str
    generated_at: datetime
    valid_until: datetime | None
    data: dict[str, Any]
    tenant_id: int | None = None
    variant: str = ""
    payloads: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _digest(value: Any) -> str:
    """SHA-256 of a stable JSON text of `value` (keys sorted; dataclasses as their fields; anything orjson does not
    write, as its str)."""
    return hashlib.sha256(orjson.dumps(value, option=orjson.OPT_SORT_KEYS, default=str)).hexdigest()


def _moment(value: Any, day: date, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is zone else value.astimezone(zone)
    if isinstance(value, time):
        return datetime.combine(day, value, tzinfo=zone)
    return None


def _hebrew_display(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    display = _get(value, "display")
    if callable(display):
        display = display()
    return str(display) if display is not None else str(value)


def _yahrzeits(content: Any) -> list[Any]:
    for name in ("yahrzeits", "yahrzeits_today"):
        rows = _get(content, name)
        if rows is not None:
            return list(rows)
    return []


# Daily items a device may show or hide against its synagogue's preferences: section -> key in the data.
DAILY_ITEMS = {"HEBREW_DATE": "hebrewDate", "PARASHA": "parasha", "OMER": "omerDay", "DAF_YOMI": "dafYomi"}
# Sections a device may hide: section -> key in the data.
SECTIONS = {
    "ZMANIM": "zmanim",
    "PRAYERS": "prayers",
    "MESSAGES": "messages",
    "YAHRZEITS": "yahrzeits",
    "CLASSES": "classes",
    "HOLIDAYS": "holidays",
    **DAILY_ITEMS,
}


def _zmanim(rows: Any, day: date, zone: ZoneInfo) -> list[dict[str, Any]]:
    return [
        {"key": str(_get(z, "key")), "label": str(_get(z, "label", "")), "time": _moment(_get(z, "time"), day, zone)}
        for z in rows or []
    ]


def content_data(content: Any) -> BaseContent:
    """Plain data from whatever the content source returned (a dataclass or a mapping). Besides what the
    synagogue's preferences show, `dailyAll` and `zmanimAll` carry every daily item and zman for `project`."""
    zone = ZoneInfo(str(_get(content, "timezone") or "UTC"))
    day = _get(content, "date") or datetime.now(zone).date()
    daily = _get(content, "daily_items", None) or {}
    data: dict[str, Any] = {
        "synagogueName": str(_get(content, "synagogue_name", "") or ""),
        "date": day,
        "hebrewDate": _hebrew_display(_get(content, "hebrew_date")),
        "parasha": _get(content, "parasha"),
        "holidays": [str(h) for h in _get(content, "holidays", None) or []],
        "candleLighting": _moment(_get(content, "candle_lighting"), day, zone),
        "havdalah": _moment(_get(content, "havdalah"), day, zone),
        "omerDay": _get(content, "omer_day"),
        "dafYomi": _get(content, "daf_yomi"),
        "zmanim": _zmanim(_get(content, "zmanim"), day, zone),
        "zmanimAll": _zmanim(_get(content, "all_zmanim"), day, zone),
        "dailyAll": {
            section: _hebrew_display(daily.get(section)) if section == "HEBREW_DATE" else daily.get(section)
            for section in DAILY_ITEMS
            if section in daily
        },
        "prayers": [
            {"name": _get(p, "name"), "time": _moment(_get(p, "time"), day, zone), "location": _get(p, "location", "")}
            for p in _get(content, "prayers", None) or []
        ],
        "messages": [
            {
                "id": _get(x, "id"),
                "title": _get(x, "title"),
                "body": _get(x, "body", ""),
                "priority": _get(x, "priority", 0),
                "image": _get(x, "image"),
                "caption": _get(x, "caption", "") or "",
            }
            for x in _get(content, "messages", None) or []
        ],
        "yahrzeits": [
            {
                "name": _get(y, "name"),
                "hebrewName": _get(y, "hebrew_name", "") or "",
                "date": _get(y, "date"),
                "plaque": _get(y, "plaque", "") or "",
                "photo": _get(y, "photo"),
            }
            for y in _yahrzeits(content)
        ],
        "classes": [
            {
                "title": _get(c, "title"),
                "teacher": _get(c, "teacher", "") or "",
                "time": _moment(_get(c, "time"), day, zone),
            }
            for c in _get(content, "classes", None) or []
        ],
    }
    valid_until = _get(content, "valid_until")
    steady_until = _get(content, "steady_until", None)
    generated_at = datetime.now(UTC)
    computed_at = _get(content, "now", None) or generated_at
    return BaseContent(
        data=data,
        valid_until=valid_until,
        generated_at=generated_at,
        computed_at=computed_at,
        steady_until=steady_until if steady_until is not None else valid_until,
    )


def project(
    base: BaseContent, settings: dict[str, Any], tenant_id: int | None = None, variant: str | None = None
) -> ScreenState:
    """One device's view of the shared content: its overrides applied, its settings attached."""
    data = dict(base.data)
    every_zman = data.pop("zmanimAll", None) or data.get("zmanim") or []
    every_daily_item = data.pop("dailyAll", None) or {}
    overrides = settings.get("contentOverrides") or {}
    keys = overrides.get("zmanimKeys")
    own_zmanim: list[dict[str, Any]] | None = None  # None: the synagogue's
    if isinstance(keys, list):
        by_key = {z["key"]: z for z in every_zman}
        data["zmanim"] = own_zmanim = [by_key[str(k)] for k in keys if str(k) in by_key]
    for section in overrides.get("shownSections") or []:
        if section in every_daily_item:
            data[DAILY_ITEMS[section]] = every_daily_item[section]
    for section in overrides.get("hiddenSections") or []:
        key = SECTIONS.get(str(section))
        if key:
            data[key] = None if section in DAILY_ITEMS else []
            if key == "zmanim":
                own_zmanim = []
    limit = overrides.get("maxMessages")
    if isinstance(limit, int):
        data["messages"] = data["messages"][:limit]
    data["settings"] = settings
    valid_until = base.until(own_zmanim)
    # A boundary passing is a new state even when nothing shown changed (a prayer time passing).
    digest = _digest({"data": data, "validUntil": valid_until})[:20]
    return ScreenState(
        version=digest,
        generated_at=base.generated_at,
        valid_until=valid_until,
        data=data,
        tenant_id=tenant_id,
        variant=variant if variant is not None else variant_key(settings),
    )


def settings_data(row: Any) -> dict[str, Any]:
    """The parts of a `DeviceSettings` row a screen shows, as plain data (also the variant key)."""
    return {
        "orientation": row.orientation,
        "language": row.language,
        "theme": row.theme,
        "brightness": row.brightness,
        "nightStart": row.night_start,
        "nightEnd": row.night_end,
        "nightBrightness": row.night_brightness,
        "panels": list(row.panels or []),
        "contentOverrides": dict(row.content_overrides or {}),
    }


def variant_key(settings: dict[str, Any]) -> str:
    return _digest(settings)
