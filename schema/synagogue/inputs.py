"""Synagogue inputs: opening a synagogue and changing its profile."""

from __future__ import annotations

import strawberry

from schema.synagogue.enums import AdarRule, HavdalahOpinion, YahrzeitWindow

NAME = "The name shown on its screens and in the admin app, at most 200 characters."
LATITUDE = "Degrees, north positive (-90 to 90)."
LONGITUDE = "Degrees, east positive (-180 to 180)."
IN_ISRAEL = "Whether the Israeli calendar applies (one day of yom tov)."


@strawberry.input(description="A new synagogue; its zmanim settings start at their defaults.")
class CreateSynagogueInput:
    name: str = strawberry.field(description=NAME)
    slug: str | None = strawberry.field(default=None, description="Made from the name when left out.")
    timezone: str = strawberry.field(description="An IANA time zone, e.g. America/New_York.")
    latitude: float = strawberry.field(description=LATITUDE)
    longitude: float = strawberry.field(description=LONGITUDE)
    elevation: float = strawberry.field(default=0, description="Metres above sea level.")
    in_israel: bool = strawberry.field(default=False, description=IN_ISRAEL)


@strawberry.input(description="Leave a field out to keep its value.")
class UpdateSynagogueInput:
    name: str | None = strawberry.field(default=None, description=NAME)
    timezone: str | None = strawberry.field(default=None, description="An IANA time zone, e.g. America/New_York.")
    latitude: float | None = strawberry.field(default=None, description=LATITUDE)
    longitude: float | None = strawberry.field(default=None, description=LONGITUDE)
    elevation: float | None = strawberry.field(default=None, description="Metres above sea level (-500 to 9000).")
    in_israel: bool | None = strawberry.field(default=None, description=IN_ISRAEL)
    candle_lighting_minutes: int | None = strawberry.field(default=None, description="Minutes before sunset, 0 to 90.")
    havdalah_opinion: HavdalahOpinion | None = strawberry.field(
        default=None, description="When Shabbat and yom tov end."
    )
    use_elevation: bool | None = strawberry.field(
        default=None, description="Whether sunrise and sunset (and the zmanim built on them) account for the elevation."
    )
    yahrzeit_window: YahrzeitWindow | None = strawberry.field(
        default=None, description="How long a yahrzeit's light burns on the board."
    )
    adar_rule: AdarRule | None = strawberry.field(
        default=None, description="Where a death in a common year's Adar is remembered in a leap year."
    )
    shabbat_mode: bool | None = strawberry.field(
        default=None, description="Hold remote commands and content edits from candle lighting to havdalah."
    )
