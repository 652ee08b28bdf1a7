"""completeDevicePairing: the TV polls (no credential) until claimed, then gets its device token once."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.devices.payloads import CompleteDevicePairingPayload
from schema.devices.types import Device
from schema.errors import UserErrorCode, user_error
from services.devices import pairing


@strawberry.type
class CompleteDevicePairingMutation:
    @strawberry.mutation(
        description="No credential. AUTHORIZATION_PENDING until claimed, SLOW_DOWN when polled too often, "
        "EXPIRED_TOKEN after expiry; once claimed, the device token, exactly once."
    )
    async def complete_device_pairing(self, info: Info, device_code: str) -> CompleteDevicePairingPayload:
        context = info.context
        await pairing.check_rate(
            context.settings, "complete", context.client_ip, context.settings.pairing_poll_rate_limit
        )
        try:
            done = await pairing.complete_pairing(context.settings, device_code)
        except pairing.PairingRefused as refused:
            code = UserErrorCode(refused.code.value)
            return CompleteDevicePairingPayload(user_errors=[user_error("deviceCode", code, refused.message)])
        return CompleteDevicePairingPayload(device_token=done.device_token, device=Device.of(done.device))
