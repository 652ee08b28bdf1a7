"""sendDeviceCommands: one command to many devices, by ids and/or a group, with a result per device."""

from __future__ import annotations

import uuid

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import SendDeviceCommandsInput
from schema.devices.mutations.command_rules import MAX_BATCH, check_ttl, refusal, send_command
from schema.devices.payloads import DeviceCommandResult, SendDeviceCommandsPayload
from schema.devices.types import DeviceCommand
from schema.errors import UserError, UserErrorCode, user_error
from services.devices.commands import CommandRefused
from services.devices.groups import group_members
from services.infra.ids import decode_id, to_global_id


@strawberry.type
class SendDeviceCommandsMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="One command to many devices (ids and/or a group), with a result per device.",
    )
    async def send_device_commands(self, info: Info, input: SendDeviceCommandsInput) -> SendDeviceCommandsPayload:
        ttl_error = check_ttl(input.ttl_seconds)
        if ttl_error is not None:
            return SendDeviceCommandsPayload(user_errors=[ttl_error])
        ids = list(dict.fromkeys(input.device_ids or []))
        if len(ids) > MAX_BATCH:  # before any id is looked up
            return SendDeviceCommandsPayload(user_errors=[too_many()])
        group = (input.group or "").strip()
        if not ids and not group:
            return SendDeviceCommandsPayload(
                user_errors=[user_error("deviceIds", UserErrorCode.REQUIRED, "name devices or a group")]
            )
        members = await group_members(group) if group else []
        if group and not members:
            return SendDeviceCommandsPayload(
                user_errors=[user_error("group", UserErrorCode.NOT_FOUND, "no device (not revoked) is in this group")]
            )
        targets: list[tuple[str, m.Device | None]] = []
        for gid in ids:
            pk = decode_id(gid, "Device")
            targets.append((str(gid), await access_device(info, pk) if pk is not None else None))
        if members:
            named = {gid for gid, _ in targets}
            for member in members:
                member_gid = to_global_id("Device", member.id)
                if member_gid not in named:
                    targets.append((member_gid, member))
        if len(targets) > MAX_BATCH:
            return SendDeviceCommandsPayload(user_errors=[too_many()])
        batch_id = uuid.uuid4().hex
        results: list[DeviceCommandResult] = []
        for target_gid, target in targets:
            target_id = strawberry.ID(target_gid)
            if target is None:
                error = user_error("deviceIds", UserErrorCode.NOT_FOUND, "no such device")
                results.append(DeviceCommandResult(device_id=target_id, user_errors=[error]))
                continue
            try:
                command = await send_command(info, target, input.kind, input.payload, input.ttl_seconds, batch_id)
            except CommandRefused as refused:
                results.append(DeviceCommandResult(device_id=target_id, user_errors=[refusal(refused)]))
                continue
            results.append(DeviceCommandResult(device_id=target_id, command=DeviceCommand.of(command)))
        return SendDeviceCommandsPayload(batch_id=batch_id, results=results)


def too_many() -> UserError:
    return user_error("deviceIds", UserErrorCode.OUT_OF_RANGE, f"at most {MAX_BATCH} devices")
