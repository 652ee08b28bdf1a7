"""updateDevice: an ADMIN renames a device, moves it, or puts it in a group."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import UpdateDeviceInput
from schema.devices.mutations.device_rules import LIMITS
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import UserErrorCode, user_error
from services.infra.ids import decode_id


@strawberry.type
class UpdateDeviceMutation:
    @strawberry.mutation(permission_classes=[HasRole(Role.ADMIN)])
    async def update_device(self, info: Info, input: UpdateDeviceInput) -> DevicePayload:
        pk = decode_id(input.id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DevicePayload(user_errors=[user_error("id", UserErrorCode.NOT_FOUND, "no such device")])
        changes = {k: getattr(input, k).strip() for k in LIMITS if getattr(input, k) is not None}
        errors = [
            user_error(k, UserErrorCode.TOO_LONG, f"at most {LIMITS[k]} characters")
            for k, v in changes.items()
            if len(v) > LIMITS[k]
        ]
        if changes.get("name") == "":
            errors.append(user_error("name", UserErrorCode.REQUIRED, "name the device"))
        if errors:
            return DevicePayload(user_errors=errors)
        if changes:
            for key, value in changes.items():
                setattr(device, key, value)
            await device.save(update_fields=list(changes))
        return DevicePayload(device=Device.of(device))
