"""publishSoftwareRelease: a platform administrator adds a TV app build to a channel of the catalogue, and the
platform audit log records it."""

from __future__ import annotations

import strawberry
from tortoise.transactions import in_transaction

from models import devices as m
from permissions import IsPlatformAdmin
from schema.context import Info
from schema.devices.inputs import PublishSoftwareReleaseInput
from schema.devices.mutations.release_rules import release_errors
from schema.devices.payloads import SoftwareReleasePayload
from schema.devices.types import SoftwareRelease
from schema.errors import UserErrorCode, user_error
from services.infra.ids import to_global_id
from services.platform import audit


@strawberry.type
class PublishSoftwareReleaseMutation:
    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Platform administrators only.")
    async def publish_software_release(self, info: Info, input: PublishSoftwareReleaseInput) -> SoftwareReleasePayload:
        errors = release_errors(input)
        if errors:
            return SoftwareReleasePayload(user_errors=errors)
        channel = m.ReleaseChannel(input.channel)
        if await m.SoftwareRelease.filter(channel=channel, version=input.version).exists():
            return SoftwareReleasePayload(
                user_errors=[user_error("version", UserErrorCode.TAKEN, "this version is already on the channel")]
            )
        async with in_transaction():  # the release and its platform audit entry commit together
            row = await m.SoftwareRelease.create(
                version=input.version,
                channel=channel,
                url=input.url,
                checksum=input.checksum.lower().removeprefix("sha256:"),
                notes=input.notes or "",
            )
            await audit.record_platform_for(
                info.context,
                "software_release.publish",
                to_global_id("SoftwareRelease", row.id),
                channel=channel.value,
                version=row.version,
                checksum=row.checksum,
            )
        return SoftwareReleasePayload(release=SoftwareRelease.of(row))
