"""Device settings types: orientation, panels and their timers, night hours, content overrides."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry

from models import devices as m


@strawberry.enum
class Orientation(Enum):
    LANDSCAPE = "LANDSCAPE"
    PORTRAIT = "PORTRAIT"
    LANDSCAPE_FLIPPED = "LANDSCAPE_FLIPPED"
    PORTRAIT_FLIPPED = "PORTRAIT_FLIPPED"


@strawberry.enum
class ScreenSection(Enum):
    ZMANIM = "ZMANIM"
    PRAYERS = "PRAYERS"
    MESSAGES = "MESSAGES"
    YAHRZEITS = "YAHRZEITS"
    CLASSES = "CLASSES"
    HOLIDAYS = "HOLIDAYS"
    HEBREW_DATE = "HEBREW_DATE"
    PARASHA = "PARASHA"
    OMER = "OMER"
    DAF_YOMI = "DAF_YOMI"


DAILY_ITEMS = (ScreenSection.HEBREW_DATE, ScreenSection.PARASHA, ScreenSection.OMER, ScreenSection.DAF_YOMI)


@strawberry.type(description="One panel of the screen's rotation and how long it stays up.")
class PanelSetting:
    panel: ScreenSection
    seconds: int


@strawberry.type(description="This device's overrides of the synagogue's daily content preferences.")
class ContentOverrides:
    hidden_sections: list[ScreenSection]
    shown_sections: list[ScreenSection] = strawberry.field(
        description="Daily items this screen shows even where the synagogue's preferences leave them out."
    )
    zmanim_keys: list[str] | None
    max_messages: int | None

    @classmethod
    def of(cls, raw: dict[str, Any]) -> ContentOverrides:
        hidden = [ScreenSection(s) for s in raw.get("hiddenSections", []) if s in ScreenSection.__members__]
        shown = [ScreenSection(s) for s in raw.get("shownSections", []) if s in ScreenSection.__members__]
        keys = raw.get("zmanimKeys")
        limit = raw.get("maxMessages")
        return cls(
            hidden_sections=hidden,
            shown_sections=shown,
            zmanim_keys=[str(k) for k in keys] if isinstance(keys, list) else None,
            max_messages=int(limit) if isinstance(limit, int) else None,
        )


@strawberry.type(description="How a screen presents itself: the screen timers and night mode included.")
class DeviceSettings:
    orientation: Orientation
    language: str
    theme: str
    brightness: int
    night_start: dt.time | None
    night_end: dt.time | None
    night_brightness: int
    panels: list[PanelSetting]
    content_overrides: ContentOverrides

    @classmethod
    def of(cls, row: m.DeviceSettings) -> DeviceSettings:
        panels = [
            PanelSetting(panel=ScreenSection(p["panel"]), seconds=int(str(p["seconds"])))
            for p in row.panels
            if isinstance(p, dict) and p.get("panel") in ScreenSection.__members__
        ]
        return cls(
            orientation=Orientation(row.orientation),
            language=row.language,
            theme=row.theme,
            brightness=row.brightness,
            night_start=dt.time.fromisoformat(row.night_start) if row.night_start else None,
            night_end=dt.time.fromisoformat(row.night_end) if row.night_end else None,
            night_brightness=row.night_brightness,
            panels=panels,
            content_overrides=ContentOverrides.of(row.content_overrides),
        )
