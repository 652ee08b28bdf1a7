"""revokeDevice: an ADMIN ends a device's token; its open commands expire and its sockets close."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import UserErrorCode, user_error
from services.devices import registry as service
from services.infra.ids import decode_id


@strawberry.type
class RevokeDeviceMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The token stops working and the device's open sockets close within seconds.",
    )
    async def revoke_device(self, info: Info, id: strawberry.ID) -> DevicePayload:
        pk = decode_id(id, "Device")
        device = await access_device(info, pk) if pk is not None else None
        if device is None:
            return DevicePayload(user_errors=[user_error("id", UserErrorCode.NOT_FOUND, "no such device")])
        await service.revoke_device(info.context.broadcast, device)
        return DevicePayload(device=Device.of(device))
