"""How one screen presents itself: orientation, panels and their timers, night hours, and its overrides of the
synagogue's daily content preferences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from models import devices as m
from schema.devices.enums import Orientation, ScreenSection


@strawberry.type(description="One panel of the screen's rotation and how long it stays up.")
class PanelSetting:
    panel: ScreenSection = strawberry.field(description="What the panel shows.")
    seconds: int = strawberry.field(description="Seconds the panel stays up before the next one (3 to 3600).")


@strawberry.type(description="This device's overrides of the synagogue's daily content preferences.")
class ContentOverrides:
    hidden_sections: list[ScreenSection] = strawberry.field(
        description="Sections this screen leaves out, whatever the synagogue's preferences show."
    )
    shown_sections: list[ScreenSection] = strawberry.field(
        description="Daily items this screen shows even where the synagogue's preferences leave them out."
    )
    zmanim_keys: list[str] | None = strawberry.field(
        description="The zmanim this screen shows, in this order (zman keys); null: the synagogue's choice."
    )
    max_messages: int | None = strawberry.field(
        description="At most this many announcements at once (0 to 50); null: no limit of its own."
    )

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
    orientation: Orientation = strawberry.field(description="Which way up the screen hangs.")
    language: str = strawberry.field(
        description="The language of the screen's labels, a code of at most 16 characters; empty: the TV app's default."
    )
    theme: str = strawberry.field(
        description="The TV app's visual theme by name, at most 40 characters; empty: the TV app's default."
    )
    brightness: int = strawberry.field(description="Screen brightness in percent (0 to 100), outside night hours.")
    night_start: dt.time | None = strawberry.field(
        description="When night hours begin (HH:MM on the screen's own clock); null: no night mode."
    )
    night_end: dt.time | None = strawberry.field(
        description="When night hours end (HH:MM on the screen's own clock); set together with nightStart."
    )
    night_brightness: int = strawberry.field(description="Screen brightness in percent (0 to 100) during night hours.")
    panels: list[PanelSetting] = strawberry.field(
        description="The screen's rotation, in order; empty: the TV app's default rotation."
    )
    content_overrides: ContentOverrides = strawberry.field(
        description="What this screen shows differently from the synagogue's daily content preferences."
    )

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
