"""sendDeviceCommands: one command to many devices, by ids and/or a group, with a result per device."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.inputs import SendDeviceCommandsInput
from schema.devices.payloads import DeviceCommandResult, SendDeviceCommandsPayload
from schema.devices.types import DeviceCommand
from schema.errors import user_errors
from services.devices.sending import Order, send_commands
from services.platform import audit


@strawberry.type
class SendDeviceCommandsMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="One command to many devices (ids and/or a group), with a result per device (ADMIN and above).",
    )
    async def send_device_commands(
        self,
        info: Info,
        input: Annotated[SendDeviceCommandsInput, strawberry.argument(description="The command and its devices.")],
    ) -> SendDeviceCommandsPayload:
        context = info.context
        order = Order(m.CommandKind[input.kind.name], input.payload, input.ttl_seconds, context.principal.user_id)
        ids = [str(gid) for gid in input.device_ids or []]
        lookup = partial(access_device_by_global_id, info)
        batch, problems = await send_commands(context.broadcast, context.settings, ids, input.group, order, lookup)
        if batch is None:
            return SendDeviceCommandsPayload(user_errors=user_errors(problems))
        sent = [str(outcome.device_id) for outcome in batch.outcomes if outcome.command]
        await audit.record(context, "device.commands", batch.batch_id, kind=input.kind.name, devices=sent)
        results = [
            DeviceCommandResult(
                device_id=strawberry.ID(outcome.device_id),
                command=DeviceCommand.of(outcome.command) if outcome.command else None,
                user_errors=user_errors(outcome.problems),
            )
            for outcome in batch.outcomes
        ]
        return SendDeviceCommandsPayload(batch_id=batch.batch_id, results=results)
