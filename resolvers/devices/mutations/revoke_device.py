"""revokeDevice: an ADMIN ends a device's token; its open commands expire and its sockets close; webhooks get
DEVICE_REVOKED."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from models.webhooks import WebhookEvent
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import user_errors
from services.devices import registry
from services.platform import audit
from services.webhooks.endpoints import emit


@strawberry.type
class RevokeDeviceMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="The token stops working and the device's open sockets close within seconds (ADMIN and above).",
    )
    async def revoke_device(
        self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(description="The device's global id.")]
    ) -> DevicePayload:
        device = await access_device_by_global_id(info, id)
        first_time = device is not None and device.revoked_at is None
        problems = await registry.revoke_device(info.context.broadcast, device)
        if problems or device is None:
            return DevicePayload(user_errors=user_errors(problems))
        view = Device.of(device)
        await audit.record(info.context, "device.revoke", view.id)
        if first_time:
            await emit(WebhookEvent.DEVICE_REVOKED, {"deviceId": str(view.id), "name": device.name})
        return DevicePayload(device=view)
