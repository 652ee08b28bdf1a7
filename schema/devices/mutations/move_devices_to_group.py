"""moveDevicesToGroup: an ADMIN puts many devices in one group, or takes them out, in one step."""

from __future__ import annotations

import strawberry

from models import devices as m
from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import MoveDevicesToGroupInput
from schema.devices.mutations.command_rules import MAX_BATCH
from schema.devices.mutations.group_rules import group_name_errors
from schema.devices.payloads import DeviceGroupPayload
from schema.devices.types import Device, DeviceGroup
from schema.errors import UserError, UserErrorCode, user_error
from services.devices.groups import group_size, move_to_group
from services.infra.ids import decode_id


@strawberry.type
class MoveDevicesToGroupMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Put devices in a group (each leaves its own); an empty group takes them out. All or none: "
        "an unknown or revoked device changes nothing.",
    )
    async def move_devices_to_group(self, info: Info, input: MoveDevicesToGroupInput) -> DeviceGroupPayload:
        ids = list(dict.fromkeys(input.device_ids))
        name = input.group.strip()
        errors = group_name_errors("group", name, required=False)
        if not ids:
            errors.append(user_error("deviceIds", UserErrorCode.REQUIRED, "name at least one device"))
        elif len(ids) > MAX_BATCH:  # before any id is looked up
            errors.append(user_error("deviceIds", UserErrorCode.OUT_OF_RANGE, f"at most {MAX_BATCH} devices"))
        if errors:
            return DeviceGroupPayload(user_errors=errors)
        devices: list[m.Device] = []
        for index, gid in enumerate(ids):
            pk = decode_id(gid, "Device")
            device = await access_device(info, pk) if pk is not None else None
            error = _refusal(index, device)
            if error is not None:
                errors.append(error)
            elif device is not None:
                devices.append(device)
        if errors:
            return DeviceGroupPayload(user_errors=errors)
        await move_to_group(devices, name)
        group = DeviceGroup(name=name, device_count=await group_size(name)) if name else None
        return DeviceGroupPayload(group=group, devices=[Device.of(device) for device in devices])


def _refusal(index: int, device: m.Device | None) -> UserError | None:
    field = ["deviceIds", str(index)]
    if device is None:
        return user_error(field, UserErrorCode.NOT_FOUND, "no such device")
    if device.revoked_at is not None:
        return user_error(field, UserErrorCode.INVALID, "the device is revoked: it is in no group")
    return None
