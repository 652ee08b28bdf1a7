"""startDevicePairing: the TV (no credential) gets a code to show and a device code to poll with."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.devices.inputs import StartDevicePairingInput
from schema.devices.payloads import StartDevicePairingPayload
from services.devices import pairing


@strawberry.type
class StartDevicePairingMutation:
    @strawberry.mutation(description="No credential. Begin pairing: a code to show and a device code to poll with.")
    async def start_device_pairing(
        self,
        info: Info,
        input: Annotated[
            StartDevicePairingInput | None, strawberry.argument(description="What the TV tells about itself.")
        ] = None,
    ) -> StartDevicePairingPayload:
        context = info.context
        data = input or StartDevicePairingInput()
        started = await pairing.start(
            context.settings, context.client_ip, data.model or "", data.app_version or "", data.resolution or ""
        )
        return StartDevicePairingPayload(
            pairing_code=started.pairing_code,
            device_code=started.device_code,
            expires_at=started.expires_at,
            poll_interval_seconds=started.poll_interval_seconds,
        )
