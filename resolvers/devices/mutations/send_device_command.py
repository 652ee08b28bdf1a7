"""sendDeviceCommand: an ADMIN queues one command for one device (a row first, delivered at least once)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.inputs import SendDeviceCommandInput
from schema.devices.payloads import DeviceCommandPayload
from schema.devices.types import DeviceCommand
from schema.errors import user_errors
from services.devices.sending import Order, send_command
from services.platform import audit


@strawberry.type
class SendDeviceCommandMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Queue a command; delivered at least once (ADMIN and above).",
    )
    async def send_device_command(
        self, info: Info, input: Annotated[SendDeviceCommandInput, strawberry.argument(description="The command.")]
    ) -> DeviceCommandPayload:
        context = info.context
        order = Order(m.CommandKind[input.kind.name], input.payload, input.ttl_seconds, context.principal.user_id)
        device = await access_device_by_global_id(info, input.device_id)
        command, problems = await send_command(context.broadcast, context.settings, device, order)
        if command is None:
            return DeviceCommandPayload(user_errors=user_errors(problems))
        view = DeviceCommand.of(command)
        await audit.record(context, "device.command", view.id, kind=input.kind.name, device=str(input.device_id))
        return DeviceCommandPayload(command=view, user_errors=user_errors(problems))
