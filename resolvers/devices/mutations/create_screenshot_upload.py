"""createScreenshotUpload (the device itself): a presigned URL to upload the capture one of its open SCREENSHOT
commands asked for; attachScreenshot then verifies it and completes the command. Another device's command is
NOT_FOUND, as a missing one is."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.devices import OPEN_COMMAND_STATUSES, CommandKind
from models.media import MediaKind
from permissions import IsDevice
from resolvers.devices.access import access_command_by_global_id
from schema.content.inputs import CreateScreenshotUploadInput
from schema.content.payloads import CreateUploadPayload
from schema.content.types import MediaUpload
from schema.context import Info
from schema.errors import not_found_errors, user_errors
from services.content.media import create_upload
from services.infra.problems import Problem


@strawberry.type
class CreateScreenshotUploadMutation:
    @strawberry.mutation(
        permission_classes=[IsDevice],
        description="Get a presigned URL to upload this screen's capture for one of its open SCREENSHOT commands "
        "(devices only); then attachScreenshot completes the command.",
    )
    async def create_screenshot_upload(
        self,
        info: Info,
        input: Annotated[CreateScreenshotUploadInput, strawberry.argument(description="The command and the image.")],
    ) -> CreateUploadPayload:
        command = await access_command_by_global_id(info, input.command_id)
        if command is None:
            return CreateUploadPayload(upload=None, user_errors=not_found_errors("commandId"))
        if command.kind != CommandKind.SCREENSHOT or command.status not in OPEN_COMMAND_STATUSES:
            problem = Problem("commandId", "INVALID", "not an open SCREENSHOT command")
            return CreateUploadPayload(upload=None, user_errors=user_errors([problem]))
        upload, problems = await create_upload(
            info.context.settings,
            MediaKind.SCREENSHOT,
            input.content_type,
            input.byte_size,
            device_id=command.device_id,
            command_id=command.id,
        )
        if upload is None:
            return CreateUploadPayload(upload=None, user_errors=user_errors(problems))
        return CreateUploadPayload(upload=MediaUpload.of(upload), user_errors=[])
