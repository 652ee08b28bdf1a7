"""Software releases: the platform publishes builds; a synagogue picks the channel its devices follow."""

from __future__ import annotations

import re

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole, IsPlatformAdmin
from schema.context import Info
from schema.devices.inputs import PublishSoftwareReleaseInput, SetReleaseChannelInput
from schema.devices.payloads import ReleaseChannelPayload, SoftwareReleasePayload
from schema.devices.types import SoftwareRelease
from schema.errors import UserError, UserErrorCode, user_error

VERSION = re.compile(r"^\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$")
CHECKSUM = re.compile(r"^(sha256:)?[0-9a-f]{64}$")


def _errors(data: PublishSoftwareReleaseInput) -> list[UserError]:
    errors: list[UserError] = []
    if not VERSION.match(data.version):
        errors.append(user_error("version", UserErrorCode.INVALID, "a version like 1.4.2"))
    if not data.url.startswith("https://") or len(data.url) > 500:
        errors.append(user_error("url", UserErrorCode.INVALID, "an https URL of at most 500 characters"))
    if not CHECKSUM.match(data.checksum.lower()):
        errors.append(user_error("checksum", UserErrorCode.INVALID, "a SHA-256 hex digest"))
    return errors


@strawberry.type
class ReleaseMutation:
    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Platform administrators only.")
    async def publish_software_release(self, info: Info, input: PublishSoftwareReleaseInput) -> SoftwareReleasePayload:
        errors = _errors(input)
        if errors:
            return SoftwareReleasePayload(user_errors=errors)
        channel = m.ReleaseChannel(input.channel)
        if await m.SoftwareRelease.filter(channel=channel, version=input.version).exists():
            return SoftwareReleasePayload(
                user_errors=[user_error("version", UserErrorCode.TAKEN, "this version is already on the channel")]
            )
        row = await m.SoftwareRelease.create(
            version=input.version,
            channel=channel,
            url=input.url,
            checksum=input.checksum.lower().removeprefix("sha256:"),
            notes=input.notes or "",
        )
        return SoftwareReleasePayload(release=SoftwareRelease.of(row))

    @strawberry.mutation(permission_classes=[HasRole(Role.ADMIN)], description="Pin this synagogue's devices.")
    async def set_release_channel(self, info: Info, input: SetReleaseChannelInput) -> ReleaseChannelPayload:
        policy = await m.FleetPolicy.first()
        if policy is None:
            policy = await m.FleetPolicy.create(release_channel=m.ReleaseChannel(input.channel))
        else:
            policy.release_channel = m.ReleaseChannel(input.channel)
            await policy.save(update_fields=["release_channel", "updated_at"])
        return ReleaseChannelPayload(channel=policy.release_channel)
