"""The release catalogue of the TV app: platform administrators publish builds per channel (audited in the
platform log), each synagogue pins its devices to a channel, and everyone signed in may read the catalogue.
Which release a device should run is `services.devices.commands.latest_release` of its synagogue's channel."""

from __future__ import annotations

import re

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.devices import FleetPolicy, ReleaseChannel, SoftwareRelease
from services.infra.ids import to_global_id
from services.infra.problems import Problem
from services.platform import audit

VERSION = re.compile(r"^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$")
CHECKSUM = re.compile(r"^(sha256:)?[0-9a-f]{64}$")


def release_problems(version: str, url: str, checksum: str) -> list[Problem]:
    problems: list[Problem] = []
    if not VERSION.match(version):
        problems.append(Problem("version", "INVALID", "a version like 1.4.2"))
    if not url.startswith("https://") or len(url) > 500:
        problems.append(Problem("url", "INVALID", "an https URL of at most 500 characters"))
    if not CHECKSUM.match(checksum.lower()):
        problems.append(Problem("checksum", "INVALID", "a SHA-256 hex digest"))
    return problems


async def publish_release(
    version: str,
    channel: ReleaseChannel,
    url: str,
    checksum: str,
    notes: str | None,
    *,
    actor_id: int | None,
    request_id: str,
) -> tuple[SoftwareRelease | None, list[Problem]]:
    """Add a build to a channel (a version once per channel); the release and its platform audit entry commit
    together."""
    problems = release_problems(version, url, checksum)
    if problems:
        return None, problems
    if await SoftwareRelease.filter(channel=channel, version=version).exists():
        return None, [Problem("version", "TAKEN", "this version is already on the channel")]
    async with in_transaction():
        row = await SoftwareRelease.create(
            version=version,
            channel=channel,
            url=url,
            checksum=checksum.lower().removeprefix("sha256:"),
            notes=notes or "",
        )
        await audit.record_platform(
            "software_release.publish",
            to_global_id("SoftwareRelease", row.id),
            actor_id=actor_id,
            request_id=request_id,
            channel=channel.value,
            version=row.version,
            checksum=row.checksum,
        )
    return row, []


async def set_release_channel(channel: ReleaseChannel) -> ReleaseChannel:
    """Pin the current tenant's devices to a channel."""
    policy = await FleetPolicy.first()
    if policy is None:
        policy = await FleetPolicy.create(release_channel=channel)
    else:
        policy.release_channel = channel
        await policy.save(update_fields=["release_channel", "updated_at"])
    return policy.release_channel


def catalogue(channel: ReleaseChannel | None) -> QuerySet[SoftwareRelease]:
    """The platform-wide catalogue, newest first, of one channel or all."""
    rows = SoftwareRelease.all() if channel is None else SoftwareRelease.filter(channel=channel)
    return rows.order_by("-id")
