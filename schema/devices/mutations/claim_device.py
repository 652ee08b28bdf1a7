"""claimDevice: an ADMIN claims the TV whose screen shows the pairing code into the synagogue."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import ClaimDeviceInput
from schema.devices.payloads import DevicePayload
from schema.devices.types import Device
from schema.errors import UserErrorCode, user_error
from services.devices import pairing
from subscriptions.events import tenant_event


@strawberry.type
class ClaimDeviceMutation:
    @strawberry.mutation(
        permission_classes=[HasRole(Role.ADMIN)], description="Claim the TV whose screen shows pairingCode."
    )
    async def claim_device(self, info: Info, input: ClaimDeviceInput) -> DevicePayload:
        context = info.context
        name = input.name.strip()
        if not name:
            return DevicePayload(user_errors=[user_error("name", UserErrorCode.REQUIRED, "name the device")])
        if len(name) > 120:
            return DevicePayload(user_errors=[user_error("name", UserErrorCode.TOO_LONG, "at most 120 characters")])
        location = (input.location or "").strip()
        if len(location) > 200:
            return DevicePayload(user_errors=[user_error("location", UserErrorCode.TOO_LONG, "at most 200 characters")])
        await pairing.check_rate(context.settings, "claim", context.client_ip, context.settings.pairing_rate_limit)
        assert context.tenant_id is not None
        try:
            device = await pairing.claim_pairing(
                context.tenant_id, context.principal.user_id, input.pairing_code, name, location
            )
        except pairing.PairingRefused as refused:
            code = UserErrorCode(refused.code.value)
            return DevicePayload(user_errors=[user_error("pairingCode", code, refused.message)])
        await tenant_event(context.broadcast, context.tenant_id, "DEVICE_CLAIMED", device.id)
        return DevicePayload(device=Device.of(device))
