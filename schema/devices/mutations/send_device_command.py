"""sendDeviceCommand: an ADMIN queues one command for one device (a row first, delivered at least once)."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import SendDeviceCommandInput
from schema.devices.mutations.command_rules import check_ttl, refusal, send_command
from schema.devices.payloads import DeviceCommandPayload
from schema.devices.types import DeviceCommand
from schema.errors import UserErrorCode, user_error
from services.devices.commands import CommandRefused
from services.infra.ids import decode_id


@strawberry.type
class SendDeviceCommandMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)], description="Queue a command; delivered at least once."
    )
    async def send_device_command(self, info: Info, input: SendDeviceCommandInput) -> DeviceCommandPayload:
        ttl_error = check_ttl(input.ttl_seconds)
        if ttl_error is not None:
            return DeviceCommandPayload(user_errors=[ttl_error])
        pk = decode_id(input.device_id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DeviceCommandPayload(user_errors=[user_error("deviceId", UserErrorCode.NOT_FOUND, "no such device")])
        try:
            command = await send_command(info, device, input.kind, input.payload, input.ttl_seconds)
        except CommandRefused as refused:
            return DeviceCommandPayload(user_errors=[refusal(refused)])
        return DeviceCommandPayload(command=DeviceCommand.of(command))
