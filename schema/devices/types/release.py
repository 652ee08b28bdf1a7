"""A software release: one build of the TV app in the platform-wide catalogue, on one channel."""

from __future__ import annotations

import datetime as dt

import strawberry

from models import devices as m
from schema.devices.enums import ReleaseChannel
from schema.relay import Node
from services.infra.ids import to_global_id


@strawberry.type(description="One build of the TV app, published by a platform administrator on one channel.")
class SoftwareRelease(Node):
    id: strawberry.ID = strawberry.field(description="The release's global id.")
    version: str = strawberry.field(description="Its version, like 1.4.2 or 1.5.0-beta.1 (a pre-release sorts first).")
    channel: ReleaseChannel = strawberry.field(description="The channel it was published on.")
    url: str = strawberry.field(description="Where a screen downloads the build (https).")
    checksum: str = strawberry.field(description="The build's SHA-256 digest, 64 lowercase hex digits.")
    notes: str = strawberry.field(description="What changed, for the synagogue's staff.")
    published_at: dt.datetime = strawberry.field(description="When it was published.")

    @classmethod
    def of(cls, row: m.SoftwareRelease) -> SoftwareRelease:
        return cls(
            id=strawberry.ID(to_global_id("SoftwareRelease", row.id)),
            version=row.version,
            channel=ReleaseChannel[row.channel.name],
            url=row.url,
            checksum=row.checksum,
            notes=row.notes,
            published_at=row.published_at,
        )
