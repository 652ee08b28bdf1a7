"""publishSoftwareRelease: a platform administrator adds a TV app build to a channel of the catalogue, and the
platform audit log records it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import devices as m
from permissions import IsPlatformAdmin
from schema.context import Info
from schema.devices.inputs import PublishSoftwareReleaseInput
from schema.devices.payloads import SoftwareReleasePayload
from schema.devices.types import SoftwareRelease
from schema.errors import user_errors
from services.devices.releases import publish_release


@strawberry.type
class PublishSoftwareReleaseMutation:
    @strawberry.mutation(permission_classes=[IsPlatformAdmin], description="Platform administrators only.")
    async def publish_software_release(
        self,
        info: Info,
        input: Annotated[PublishSoftwareReleaseInput, strawberry.argument(description="The build to publish.")],
    ) -> SoftwareReleasePayload:
        context = info.context
        row, problems = await publish_release(
            input.version,
            m.ReleaseChannel[input.channel.name],
            input.url,
            input.checksum,
            input.notes,
            actor_id=context.principal.user_id,
            request_id=context.request_id,
        )
        return SoftwareReleasePayload(
            release=SoftwareRelease.of(row) if row else None, user_errors=user_errors(problems)
        )
