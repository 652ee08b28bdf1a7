"""renameDeviceGroup: an ADMIN renames a group (or merges it into another) for all its devices at once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import RenameDeviceGroupInput
from schema.devices.payloads import DeviceGroupPayload
from schema.devices.types import Device, DeviceGroup
from schema.errors import user_errors
from services.devices.groups import rename_devices_group
from services.platform import audit


@strawberry.type
class RenameDeviceGroupMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Rename a device group; when `newName` is already a group, the two become one (ADMIN and above).",
    )
    async def rename_device_group(
        self,
        info: Info,
        input: Annotated[RenameDeviceGroupInput, strawberry.argument(description="The group and its new name.")],
    ) -> DeviceGroupPayload:
        change, problems = await rename_devices_group(input.name, input.new_name)
        if change is None:
            return DeviceGroupPayload(user_errors=user_errors(problems))
        group = DeviceGroup(name=change.name, device_count=change.size)
        await audit.record(info.context, "device_group.rename", change.name, previous=input.name)
        return DeviceGroupPayload(group=group, devices=[Device.of(device) for device in change.moved])
