"""The synagogue profile."""

from __future__ import annotations

from enum import Enum

import strawberry

from models import synagogue as m
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.enum
class HavdalahOpinion(Enum):
    DEGREES_8_5 = "DEGREES_8_5"
    MINUTES_42 = "MINUTES_42"
    MINUTES_50 = "MINUTES_50"
    MINUTES_72 = "MINUTES_72"


@strawberry.type
class Synagogue(Node):
    id: strawberry.ID
    name: str
    slug: str
    timezone: str
    latitude: float
    longitude: float
    elevation: float
    in_israel: bool
    candle_lighting_minutes: int
    havdalah_opinion: HavdalahOpinion
    use_elevation: bool

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
        )
