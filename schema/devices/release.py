"""Software release types: the platform-wide catalogue of TV app builds per channel."""

from __future__ import annotations

import datetime as dt

import strawberry

from models import devices as m
from schema.context import Info
from schema.relay import Node
from services.infra.ids import to_global_id

ReleaseChannel = strawberry.enum(m.ReleaseChannel, name="ReleaseChannel")


async def target_release(info: Info) -> m.SoftwareRelease | None:
    """The tenant's target release, read once per request however many devices ask."""
    from services.devices.commands import latest_release, release_channel

    async def load(keys: list[int]) -> list[m.SoftwareRelease | None]:
        row = await latest_release(await release_channel())
        return [row for _ in keys]

    loader = info.context.loaders.get("devices_target_release", load)
    result: m.SoftwareRelease | None = await loader.load(0)
    return result


@strawberry.type
class SoftwareRelease(Node):
    id: strawberry.ID
    version: str
    channel: ReleaseChannel  # type: ignore[valid-type]
    url: str
    checksum: str
    notes: str
    published_at: dt.datetime

    @classmethod
    def of(cls, row: m.SoftwareRelease) -> SoftwareRelease:
        return cls(
            id=strawberry.ID(to_global_id("SoftwareRelease", row.id)),
            version=row.version,
            channel=row.channel,
            url=row.url,
            checksum=row.checksum,
            notes=row.notes,
            published_at=row.published_at,
        )
