"""The `Screen` a TV shows: the synagogue's content of the moment, seen through the device's own settings.
Every time is in the synagogue's time zone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from schema.devices.enums import Orientation, ScreenSection
from schema.devices.types.settings import ContentOverrides, DeviceSettings, PanelSetting
from services.devices.screen_state import ScreenState
from services.infra.ids import to_global_id


@strawberry.type(description="Today's Hebrew date as the screen shows it.")
class ScreenHebrewDate:
    display: str = strawberry.field(description="The date written out, like 5 Kislev 5787.")


@strawberry.type(description="One halachic time of today.")
class ScreenZman:
    key: str = strawberry.field(description="Which zman (a zman key, as contentOverrides.zmanimKeys takes it).")
    label: str = strawberry.field(description="Its name as the screen shows it.")
    time: dt.datetime | None = strawberry.field(description="When it falls today; null when it does not today.")


@strawberry.type(description="One prayer (minyan) of today.")
class ScreenPrayer:
    name: str = strawberry.field(description="The prayer's name as the synagogue set it, like Shacharit.")
    time: dt.datetime | None = strawberry.field(description="When it starts today.")
    location: str = strawberry.field(description="Where it meets (may be empty).")


@strawberry.type(description="An image a screen shows: a slide, or a memorial's photo.")
class ScreenImage:
    url: str = strawberry.field(
        description="Where to load it (signed; valid at least until the screen state's validUntil)."
    )
    width: int = strawberry.field(description="Its width in pixels.")
    height: int = strawberry.field(description="Its height in pixels.")

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> ScreenImage | None:
        return cls(url=str(data["url"]), width=int(data["width"]), height=int(data["height"])) if data else None


@strawberry.type(description="An announcement running now.")
class ScreenMessage:
    id: strawberry.ID = strawberry.field(description="The message's global id.")
    title: str = strawberry.field(description="Its headline.")
    body: str = strawberry.field(description="Its text (may be empty).")
    priority: int = strawberry.field(description="Higher first; the screen lists messages by it.")
    image: ScreenImage | None = strawberry.field(
        default=None, description="A slide's image (the message is then shown as the image); null: text only."
    )
    caption: str = strawberry.field(default="", description="The slide's caption (may be empty).")


@strawberry.type(description="A yahrzeit whose light burns now on the memorial board (by the synagogue's policy).")
class ScreenYahrzeit:
    name: str = strawberry.field(description="The departed's name.")
    hebrew_name: str = strawberry.field(description="The departed's Hebrew name (may be empty).")
    date: dt.date | None = strawberry.field(description="The civil date the yahrzeit is kept.")
    plaque: str = strawberry.field(description="Where the memorial plaque hangs (may be empty).")
    photo: ScreenImage | None = strawberry.field(default=None, description="The departed's photo, when there is one.")


@strawberry.type(description="A Torah class of today.")
class ScreenClass:
    title: str = strawberry.field(description="What the class studies.")
    teacher: str = strawberry.field(description="Who teaches it (may be empty).")
    time: dt.datetime | None = strawberry.field(description="When it starts today.")


@strawberry.type(description="Everything one screen shows now, valid until `validUntil`.")
class Screen:
    version: str = strawberry.field(description="Identifies the state: equal versions show the same thing.")
    generated_at: dt.datetime = strawberry.field(description="When the synagogue's content was computed.")
    valid_until: dt.datetime | None = strawberry.field(
        description="The next time boundary (a message starting or ending, a prayer or zman passing, candle "
        "lighting, havdalah, midnight): the screen changes then. Null: none ahead."
    )
    synagogue_name: str = strawberry.field(description="The synagogue's name.")
    date: dt.date = strawberry.field(description="Today in the synagogue's time zone.")
    hebrew_date: ScreenHebrewDate | None = strawberry.field(description="Today's Hebrew date, when shown.")
    parasha: str | None = strawberry.field(description="This week's Torah portion, when shown.")
    holidays: list[str] = strawberry.field(description="Today's holidays and fast days, by name.")
    candle_lighting: dt.datetime | None = strawberry.field(
        description="Today's candle lighting, on the eve of Shabbat or a holiday."
    )
    havdalah: dt.datetime | None = strawberry.field(description="Today's havdalah, at the end of Shabbat or a holiday.")
    omer_day: int | None = strawberry.field(description="The day of the Omer count, when counting and shown.")
    daf_yomi: str | None = strawberry.field(description="Today's Daf Yomi page, when shown.")
    zmanim: list[ScreenZman] = strawberry.field(description="The zmanim the screen shows, in order.")
    prayers: list[ScreenPrayer] = strawberry.field(description="Today's prayers, in order of time.")
    messages: list[ScreenMessage] = strawberry.field(
        description="The announcements running now, highest priority first."
    )
    yahrzeits: list[ScreenYahrzeit] = strawberry.field(
        description="The memorial board's lit yahrzeits: those whose light burns now under the synagogue's "
        "yahrzeit policy (the Hebrew date, its week, or Shabbat to Friday; each from sunset the evening before)."
    )
    classes: list[ScreenClass] = strawberry.field(description="Today's Torah classes, in order of time.")
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
                    image=ScreenImage.of(m.get("image")),
                    caption=str(m.get("caption") or ""),
                )
                for m in d["messages"]
            ],
            yahrzeits=[
                ScreenYahrzeit(
                    name=y["name"],
                    hebrew_name=y["hebrewName"],
                    date=y["date"],
                    plaque=y["plaque"],
                    photo=ScreenImage.of(y.get("photo")),
                )
                for y in d["yahrzeits"]
            ],
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
