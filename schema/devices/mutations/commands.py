"""Command mutations: admins send (one device or a batch), devices acknowledge."""

from __future__ import annotations

import uuid
from typing import Any

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole, IsDevice
from resolvers.devices.access import access_command, access_device
from schema.context import Info
from schema.devices.inputs import AcknowledgeDeviceCommandInput, SendDeviceCommandInput, SendDeviceCommandsInput
from schema.devices.payloads import DeviceCommandPayload, DeviceCommandResult, SendDeviceCommandsPayload
from schema.devices.types import DeviceCommand
from schema.errors import UserError, UserErrorCode, user_error
from schema.relay import decode_id, to_global_id
from services.device_commands import Acknowledgement, CommandRefused, acknowledge, issue_command
from services.devices import group_members

MAX_BATCH = 500


def _payload(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    raise CommandRefused("payload", "INVALID", "payload must be a JSON object")


MIN_TTL, MAX_TTL = 60, 7 * 24 * 3600


def _ttl_error(ttl_seconds: int | None) -> UserError | None:
    if ttl_seconds is not None and not MIN_TTL <= ttl_seconds <= MAX_TTL:
        return user_error("ttlSeconds", UserErrorCode.OUT_OF_RANGE, f"from {MIN_TTL} to {MAX_TTL} seconds")
    return None


async def _send(
    info: Info, device: m.Device, kind: m.CommandKind, payload: Any, ttl_seconds: int | None, batch_id: str = ""
) -> Any:
    context = info.context
    return await issue_command(
        context.broadcast,
        device,
        m.CommandKind(kind),
        _payload(payload),
        ttl_seconds or context.settings.device_command_ttl_seconds,
        issued_by=context.principal.user_id,
        batch_id=batch_id,
    )


def _refusal(refused: CommandRefused) -> UserError:
    return user_error(refused.field, UserErrorCode(refused.code), refused.message)


@strawberry.type
class CommandMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)], description="Queue a command; delivered at least once."
    )
    async def send_device_command(self, info: Info, input: SendDeviceCommandInput) -> DeviceCommandPayload:
        ttl_error = _ttl_error(input.ttl_seconds)
        if ttl_error is not None:
            return DeviceCommandPayload(user_errors=[ttl_error])
        pk = decode_id(input.device_id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DeviceCommandPayload(user_errors=[user_error("deviceId", UserErrorCode.NOT_FOUND, "no such device")])
        try:
            command = await _send(info, device, input.kind, input.payload, input.ttl_seconds)
        except CommandRefused as refused:
            return DeviceCommandPayload(user_errors=[_refusal(refused)])
        return DeviceCommandPayload(command=DeviceCommand.of(command))

    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="One command to many devices (ids and/or a group), with a result per device.",
    )
    async def send_device_commands(self, info: Info, input: SendDeviceCommandsInput) -> SendDeviceCommandsPayload:
        ttl_error = _ttl_error(input.ttl_seconds)
        if ttl_error is not None:
            return SendDeviceCommandsPayload(user_errors=[ttl_error])
        ids = list(dict.fromkeys(input.device_ids or []))
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
            return SendDeviceCommandsPayload(
                user_errors=[user_error("deviceIds", UserErrorCode.OUT_OF_RANGE, f"at most {MAX_BATCH} devices")]
            )
        batch_id = uuid.uuid4().hex
        results: list[DeviceCommandResult] = []
        for target_gid, target in targets:
            target_id = strawberry.ID(target_gid)
            if target is None:
                error = user_error("deviceIds", UserErrorCode.NOT_FOUND, "no such device")
                results.append(DeviceCommandResult(device_id=target_id, user_errors=[error]))
                continue
            try:
                command = await _send(info, target, input.kind, input.payload, input.ttl_seconds, batch_id)
            except CommandRefused as refused:
                results.append(DeviceCommandResult(device_id=target_id, user_errors=[_refusal(refused)]))
                continue
            results.append(DeviceCommandResult(device_id=target_id, command=DeviceCommand.of(command)))
        return SendDeviceCommandsPayload(batch_id=batch_id, results=results)

    @strawberry.mutation(permission_classes=[IsDevice], description="Idempotent: a repeat changes nothing.")
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
        return DeviceCommandPayload(command=DeviceCommand.of(updated))
