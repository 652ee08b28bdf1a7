"""renameDeviceGroup: an ADMIN renames a group (or merges it into another) for all its devices at once."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import RenameDeviceGroupInput
from schema.devices.mutations.group_rules import group_name_errors
from schema.devices.payloads import DeviceGroupPayload
from schema.devices.types import Device, DeviceGroup
from schema.errors import UserErrorCode, user_error
from services.devices.groups import group_size, rename_group


@strawberry.type
class RenameDeviceGroupMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Rename a device group; when `newName` is already a group, the two become one.",
    )
    async def rename_device_group(self, info: Info, input: RenameDeviceGroupInput) -> DeviceGroupPayload:
        name, new_name = input.name.strip(), input.new_name.strip()
        errors = group_name_errors("name", name, required=True) + group_name_errors("newName", new_name, True)
        if errors:
            return DeviceGroupPayload(user_errors=errors)
        if not await group_size(name):
            return DeviceGroupPayload(
                user_errors=[user_error("name", UserErrorCode.NOT_FOUND, "no device (not revoked) is in this group")]
            )
        moved = await rename_group(name, new_name) if new_name != name else []
        group = DeviceGroup(name=new_name, device_count=await group_size(new_name))
        return DeviceGroupPayload(group=group, devices=[Device.of(device) for device in moved])
