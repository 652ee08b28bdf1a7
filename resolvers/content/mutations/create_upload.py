"""createUpload (EDITOR and above): a presigned URL to upload one image of a declared type and size straight to the
storage, within the synagogue's quota; then attachMemorialPhoto or attachMessageImage verifies and attaches it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.media import MediaKind
from permissions import HasRole, Role
from schema.content.enums import MediaKind as MediaKindEnum
from schema.content.inputs import CreateUploadInput
from schema.content.payloads import CreateUploadPayload
from schema.content.types import MediaUpload
from schema.context import Info
from schema.errors import user_errors
from services.content.media import create_upload
from services.infra.problems import Problem


@strawberry.type
class CreateUploadMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.EDITOR)],
        description="Get a presigned URL to upload an image (JPEG, PNG or WebP) straight to the storage (EDITOR "
        "and above): PUT the bytes there, then attach the media to a memorial or a message. Counts against the "
        "synagogue's storage quota.",
    )
    async def create_upload(
        self, info: Info, input: Annotated[CreateUploadInput, strawberry.argument(description="The image to upload.")]
    ) -> CreateUploadPayload:
        if input.kind == MediaKindEnum.SCREENSHOT:
            problem = Problem("kind", "INVALID", "screenshots are uploaded by the screen (createScreenshotUpload)")
            return CreateUploadPayload(upload=None, user_errors=user_errors([problem]))
        context = info.context
        upload, problems = await create_upload(
            context.settings,
            MediaKind[input.kind.name],
            input.content_type,
            input.byte_size,
            user_id=context.principal.user_id,
        )
        if upload is None:
            return CreateUploadPayload(upload=None, user_errors=user_errors(problems))
        return CreateUploadPayload(upload=MediaUpload.of(upload), user_errors=[])
