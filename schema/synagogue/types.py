"""The synagogue profile: the tenant itself, where it stands and how its zmanim are computed."""

from __future__ import annotations

import strawberry

from models import synagogue as m
from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.relay import Node
from schema.synagogue.enums import AdarRule, HavdalahOpinion, YahrzeitWindow
from services.content.media import usage
from services.infra.ids import decode_id, to_global_id


@strawberry.type(description="Stored images against the synagogue's quota.")
class MediaUsage:
    used_bytes: int = strawberry.field(description="Bytes its images take (uploads in flight at their size).")
    quota_bytes: int = strawberry.field(description="Bytes it may store (the MEDIA_QUOTA_BYTES setting).")


@strawberry.type(description="A synagogue (tenant): its profile and the settings its zmanim are computed with.")
class Synagogue(Node):
    id: strawberry.ID = strawberry.field(description="The global id; send it as X-Tenant-ID to act in the synagogue.")
    name: str = strawberry.field(description="The name shown on its screens and in the admin app.")
    slug: str = strawberry.field(description="A unique short name (lowercase letters, digits and dashes).")
    timezone: str = strawberry.field(
        description="Its IANA time zone (e.g. America/New_York): its dates, times and DateTimes are in it."
    )
    latitude: float = strawberry.field(description="Degrees, north positive (-90 to 90).")
    longitude: float = strawberry.field(description="Degrees, east positive (-180 to 180).")
    elevation: float = strawberry.field(description="Metres above sea level (-500 to 9000).")
    in_israel: bool = strawberry.field(description="Whether the Israeli calendar applies (one day of yom tov).")
    candle_lighting_minutes: int = strawberry.field(description="Candle lighting: minutes before sunset, 0 to 90.")
    havdalah_opinion: HavdalahOpinion = strawberry.field(description="When Shabbat and yom tov end.")
    use_elevation: bool = strawberry.field(
        description="Whether sunrise and sunset (and the zmanim built on them) account for the elevation."
    )
    yahrzeit_window: YahrzeitWindow = strawberry.field(
        description="How long a yahrzeit's light burns on the board (the screens and `yahrzeits` follow it)."
    )
    adar_rule: AdarRule = strawberry.field(
        description="Where a death in a common year's Adar is remembered in a leap year."
    )
    shabbat_mode: bool = strawberry.field(
        description="From candle lighting to havdalah (Shabbat and yom tov, by the synagogue's own times), remote "
        "commands other than RELOAD wait until havdalah, and content edits show from havdalah unless an ADMIN "
        "marks them urgent. On for new synagogues."
    )

    @strawberry.field(
        permission_classes=[HasRole(Role.VIEWER)],
        description="The synagogue's stored images against its quota (members only; null for a synagogue the "
        "request does not act in).",
    )
    async def media_usage(self, info: Info) -> MediaUsage | None:
        if decode_id(self.id, "Synagogue") != info.context.tenant_id:
            return None
        return MediaUsage(used_bytes=await usage(), quota_bytes=info.context.settings.media_quota_bytes)

    @classmethod
    def of(cls, row: m.Synagogue) -> Synagogue:
        return cls(
            id=strawberry.ID(to_global_id("Synagogue", row.id)),
            name=row.name,
            slug=row.slug,
            timezone=row.timezone,
            latitude=row.latitude,
            longitude=row.longitude,
            elevation=row.elevation,
            in_israel=row.in_israel,
            candle_lighting_minutes=row.candle_lighting_minutes,
            havdalah_opinion=HavdalahOpinion(row.havdalah_opinion),
            use_elevation=row.use_elevation,
            yahrzeit_window=YahrzeitWindow(row.yahrzeit_window),
            adar_rule=AdarRule(row.adar_rule),
            shabbat_mode=row.shabbat_mode,
        )
