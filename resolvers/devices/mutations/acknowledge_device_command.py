"""acknowledgeDeviceCommand: the device answers a command of its own, once; a repeat changes nothing.
An answer after the command's time to live is refused with EXPIRED, and the command is EXPIRED from then on."""

from __future__ import annotations

from typing import Annotated

import strawberry

from permissions import IsDevice
from resolvers.devices.access import access_command_by_global_id
from schema.context import Info
from schema.devices.inputs import AcknowledgeDeviceCommandInput
from schema.devices.payloads import DeviceCommandPayload
from schema.devices.types import DeviceCommand
from schema.errors import user_errors
from services.devices.commands import Acknowledgement, answer


@strawberry.type
class AcknowledgeDeviceCommandMutation:
    @strawberry.mutation(
        permission_classes=[IsDevice],
        description="Idempotent: a repeat changes nothing. An answer after the command's expiresAt is refused "
        "with EXPIRED (the command, returned too, is EXPIRED). Devices only, for their own commands.",
    )
    async def acknowledge_device_command(
        self,
        info: Info,
        input: Annotated[AcknowledgeDeviceCommandInput, strawberry.argument(description="The command and the answer.")],
    ) -> DeviceCommandPayload:
        command = await access_command_by_global_id(info, input.command_id)
        ack = Acknowledgement(input.success, input.detail or "")
        updated, problems = await answer(info.context.broadcast, command, ack)
        return DeviceCommandPayload(
            command=DeviceCommand.of(updated) if updated else None, user_errors=user_errors(problems)
        )
