"""moveDevicesToGroup: an ADMIN puts many devices in one group, or takes them out, in one step."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from resolvers.devices.access import access_device_by_global_id
from schema.context import Info
from schema.devices.inputs import MoveDevicesToGroupInput
from schema.devices.payloads import DeviceGroupPayload
from schema.devices.types import Device, DeviceGroup
from schema.errors import user_errors
from services.devices.groups import move_devices
from services.platform import audit


@strawberry.type
class MoveDevicesToGroupMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Put devices in a group (each leaves its own); an empty group takes them out. All or none: "
        "an unknown or revoked device changes nothing (ADMIN and above).",
    )
    async def move_devices_to_group(
        self,
        info: Info,
        input: Annotated[MoveDevicesToGroupInput, strawberry.argument(description="The devices and the group.")],
    ) -> DeviceGroupPayload:
        lookup = partial(access_device_by_global_id, info)
        change, problems = await move_devices([str(gid) for gid in input.device_ids], input.group, lookup)
        if change is None:
            return DeviceGroupPayload(user_errors=user_errors(problems))
        group = DeviceGroup(name=change.name, device_count=change.size) if change.name else None
        devices = [Device.of(device) for device in change.moved]
        await audit.record(
            info.context, "device_group.move", change.name or "", devices=[device.id for device in devices]
        )
        return DeviceGroupPayload(group=group, devices=devices)
