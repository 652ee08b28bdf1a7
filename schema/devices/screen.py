"""The `Screen` a TV shows: the tenant's content through the device's own settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.context import Info
from schema.devices.types import ContentOverrides, DeviceSettings, Orientation, PanelSetting, ScreenSection
from services.devices.screen_state import ScreenState
from services.infra.ids import to_global_id


@strawberry.type
class ScreenHebrewDate:
    display: str


@strawberry.type
class ScreenZman:
    key: str
    label: str
    time: dt.datetime | None


@strawberry.type
class ScreenPrayer:
    name: str
    time: dt.datetime | None
    location: str


@strawberry.type
class ScreenMessage:
    id: strawberry.ID
    title: str
    body: str
    priority: int


@strawberry.type
class ScreenYahrzeit:
    name: str
    hebrew_name: str
    date: dt.date | None
    plaque: str


@strawberry.type
class ScreenClass:
    title: str
    teacher: str
    time: dt.datetime | None


@strawberry.type(description="Everything one screen shows now, valid until `validUntil`.")
class Screen:
    version: str = strawberry.field(description="Identifies the state: equal versions show the same thing.")
    generated_at: dt.datetime
    valid_until: dt.datetime | None
    synagogue_name: str
    date: dt.date
    hebrew_date: ScreenHebrewDate | None
    parasha: str | None
    holidays: list[str]
    candle_lighting: dt.datetime | None
    havdalah: dt.datetime | None
    omer_day: int | None = strawberry.field(description="The day of the Omer count, when counting and shown.")
    daf_yomi: str | None = strawberry.field(description="Today's Daf Yomi page, when shown.")
    zmanim: list[ScreenZman]
    prayers: list[ScreenPrayer]
    messages: list[ScreenMessage]
    yahrzeits: list[ScreenYahrzeit]
    classes: list[ScreenClass]
    _settings: strawberry.Private[dict[str, Any]]

    @classmethod
    def of(cls, state: ScreenState) -> Screen:
        d = state.data
        return cls(
            version=state.version,
            generated_at=state.generated_at,
            valid_until=state.valid_until,
            synagogue_name=d["synagogueName"],
            date=d["date"],
            hebrew_date=ScreenHebrewDate(display=d["hebrewDate"]) if d.get("hebrewDate") else None,
            parasha=d.get("parasha"),
            holidays=list(d["holidays"]),
            candle_lighting=d.get("candleLighting"),
            havdalah=d.get("havdalah"),
            omer_day=d.get("omerDay"),
            daf_yomi=d.get("dafYomi"),
            zmanim=[ScreenZman(**z) for z in d["zmanim"]],
            prayers=[
                ScreenPrayer(name=str(p["name"]), time=p["time"], location=str(p["location"] or ""))
                for p in d["prayers"]
            ],
            messages=[
                ScreenMessage(
                    id=strawberry.ID(to_global_id("Message", m["id"]) if isinstance(m["id"], int) else str(m["id"])),
                    title=str(m["title"]),
                    body=str(m["body"] or ""),
                    priority=int(m["priority"] or 0),
                )
                for m in d["messages"]
            ],
            yahrzeits=[ScreenYahrzeit(**y) for y in d["yahrzeits"]],
            classes=[ScreenClass(**c) for c in d["classes"]],
            _settings=d.get("settings", {}),
        )

    @strawberry.field(description="This device's presentation settings (orientation, theme, panels…).")
    def settings(self) -> DeviceSettings:
        s = self._settings
        return DeviceSettings(
            orientation=Orientation(s.get("orientation", "LANDSCAPE")),
            language=s.get("language", ""),
            theme=s.get("theme", ""),
            brightness=s.get("brightness", 100),
            night_start=dt.time.fromisoformat(s["nightStart"]) if s.get("nightStart") else None,
            night_end=dt.time.fromisoformat(s["nightEnd"]) if s.get("nightEnd") else None,
            night_brightness=s.get("nightBrightness", 0),
            panels=[PanelSetting(panel=ScreenSection(p["panel"]), seconds=p["seconds"]) for p in s.get("panels", [])],
            content_overrides=ContentOverrides.of(s.get("contentOverrides", {})),
        )


async def screen_for_device(info: Info) -> Screen:
    from services.devices.screen_hub import hub_for

    context = info.context
    assert context.tenant_id is not None and context.principal.device_id is not None
    hub = hub_for(context.broadcast, context.settings.screen_debounce_seconds)
    return Screen.of(await hub.snapshot(context.tenant_id, context.principal.device_id))
