"""acknowledgeDeviceCommand: the device answers a command of its own, once; a repeat changes nothing.
An answer after the command's time to live is refused with EXPIRED, and the command is EXPIRED from then on."""

from __future__ import annotations

import strawberry

from models.devices import CommandStatus
from permissions import IsDevice
from resolvers.devices.access import access_command
from schema.context import Info
from schema.devices.inputs import AcknowledgeDeviceCommandInput
from schema.devices.payloads import DeviceCommandPayload
from schema.devices.types import DeviceCommand
from schema.errors import UserErrorCode, user_error
from services.devices.commands import Acknowledgement, acknowledge
from services.infra.ids import decode_id


@strawberry.type
class AcknowledgeDeviceCommandMutation:
    @strawberry.mutation(
        permission_classes=[IsDevice],
        description="Idempotent: a repeat changes nothing. An answer after the command's expiresAt is refused "
        "with EXPIRED (the command, returned too, is EXPIRED).",
    )
    async def acknowledge_device_command(
        self, info: Info, input: AcknowledgeDeviceCommandInput
    ) -> DeviceCommandPayload:
        pk = decode_id(input.command_id, "DeviceCommand")
        command = await access_command(info, pk) if pk is not None else None
        if command is None:
            return DeviceCommandPayload(
                user_errors=[user_error("commandId", UserErrorCode.NOT_FOUND, "no such command")]
            )
        detail = (input.detail or "")[:500]
        updated = await acknowledge(info.context.broadcast, command, Acknowledgement(input.success, detail))
        if updated.status == CommandStatus.EXPIRED:
            refused = user_error("commandId", UserErrorCode.EXPIRED, "the command expired before this answer came")
            return DeviceCommandPayload(command=DeviceCommand.of(updated), user_errors=[refused])
        return DeviceCommandPayload(command=DeviceCommand.of(updated))
