"""updateDevice: an ADMIN renames a device, moves it, or puts it in a group."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.inputs import UpdateDeviceInput
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import user_errors
from services.devices import registry
from services.platform import audit


@strawberry.type
class UpdateDeviceMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Rename a device, say where it hangs, or put it in a group (ADMIN and above).",
    )
    async def update_device(
        self, info: Info, input: Annotated[UpdateDeviceInput, strawberry.argument(description="What to change.")]
    ) -> DevicePayload:
        device = await access_device_by_global_id(info, input.id)
        problems = await registry.update_device(device, input.name, input.location, input.group)
        if problems or device is None:
            return DevicePayload(user_errors=user_errors(problems))
        view = Device.of(device)
        changed = sorted(name for name in ("name", "location", "group") if getattr(input, name) is not None)
        await audit.record(info.context, "device.update", view.id, fields=changed)
        return DevicePayload(device=view)
