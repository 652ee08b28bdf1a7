"""completeDevicePairing: the TV polls (no credential) until claimed, then gets its device token once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.devices.payloads import CompleteDevicePairingPayload
from schema.devices.types import Device
from schema.errors import user_errors
from services.devices import pairing


@strawberry.type
class CompleteDevicePairingMutation:
    @strawberry.mutation(
        description="No credential. AUTHORIZATION_PENDING until claimed, SLOW_DOWN when polled too often, "
        "EXPIRED_TOKEN after expiry; once claimed, the device token, exactly once."
    )
    async def complete_device_pairing(
        self,
        info: Info,
        device_code: Annotated[str, strawberry.argument(description="The deviceCode startDevicePairing gave.")],
    ) -> CompleteDevicePairingPayload:
        context = info.context
        done, problems = await pairing.complete(context.settings, context.client_ip, device_code)
        if done is None:
            return CompleteDevicePairingPayload(user_errors=user_errors(problems))
        return CompleteDevicePairingPayload(device_token=done.device_token, device=Device.of(done.device))
