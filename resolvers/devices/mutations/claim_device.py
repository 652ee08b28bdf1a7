"""claimDevice: an ADMIN claims the TV whose screen shows the pairing code into the synagogue."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import ClaimDeviceInput
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import user_errors
from services.devices import pairing
from services.platform import audit


@strawberry.type
class ClaimDeviceMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)],
        description="Claim the TV whose screen shows pairingCode (ADMIN and above).",
    )
    async def claim_device(
        self, info: Info, input: Annotated[ClaimDeviceInput, strawberry.argument(description="The code and a name.")]
    ) -> DevicePayload:
        context = info.context
        assert context.tenant_id is not None
        device, problems = await pairing.claim(
            context.settings,
            context.broadcast,
            context.client_ip,
            context.tenant_id,
            context.principal.user_id,
            input.pairing_code,
            input.name,
            input.location,
        )
        if device is None:
            return DevicePayload(user_errors=user_errors(problems))
        view = Device.of(device)
        await audit.record(context, "device.claim", view.id, name=device.name)
        return DevicePayload(device=view)
