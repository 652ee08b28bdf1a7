"""attachScreenshot (the device itself): the capture uploaded for its SCREENSHOT command is verified (a real image,
not too large, re-encoded without metadata) and the command completes, ACKNOWLEDGED; the admin sees the capture on
the command and on the device. Another device's command or upload is NOT_FOUND, as a missing one is."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsDevice
from resolvers.content.access import access_media
from resolvers.devices.access import access_command_by_global_id
from schema.content.inputs import AttachScreenshotInput
from schema.context import Info
from schema.devices.payloads import DeviceCommandPayload
from schema.devices.types import DeviceCommand
from schema.errors import not_found_errors, user_errors
from services.content.media import attach_screenshot
from services.devices.commands import Acknowledgement, answer
from services.infra.ids import decode_id


@strawberry.type
class AttachScreenshotMutation:
    @strawberry.mutation(
        permission_classes=[IsDevice],
        description="Hand in the capture uploaded for a SCREENSHOT command (devices only): once verified, the "
        "command is ACKNOWLEDGED and the capture shows on the command and on the device.",
    )
    async def attach_screenshot(
        self,
        info: Info,
        input: Annotated[AttachScreenshotInput, strawberry.argument(description="The command and the upload.")],
    ) -> DeviceCommandPayload:
        command = await access_command_by_global_id(info, input.command_id)
        if command is None:
            return DeviceCommandPayload(command=None, user_errors=not_found_errors("commandId"))
        media = await access_media(info, decode_id(input.media_id, "Media"))
        problems = await attach_screenshot(info.context.settings, media, command.id)
        if problems:
            return DeviceCommandPayload(command=None, user_errors=user_errors(problems))
        done = Acknowledgement(True, "screenshot uploaded", uploaded=True)
        updated, problems = await answer(info.context.broadcast, command, done)
        view = DeviceCommand.of(updated) if updated else None
        return DeviceCommandPayload(command=view, user_errors=user_errors(problems))
