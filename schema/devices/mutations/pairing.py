"""Pairing mutations: the TV starts and completes (no credential), an ADMIN claims."""

from __future__ import annotations

import strawberry

from models.identity import Role
from permissions import HasRole
from schema.context import Info
from schema.devices.inputs import ClaimDeviceInput, StartDevicePairingInput
from schema.devices.payloads import CompleteDevicePairingPayload, DevicePayload, StartDevicePairingPayload
from schema.devices.types import Device
from schema.errors import UserErrorCode, user_error
from services import pairing
from subscriptions.events import tenant_event


@strawberry.type
class PairingMutation:
    @strawberry.mutation(description="No credential. Begin pairing: a code to show and a device code to poll with.")
    async def start_device_pairing(
        self, info: Info, input: StartDevicePairingInput | None = None
    ) -> StartDevicePairingPayload:
        context = info.context
        await pairing.check_rate(context.settings, "start", context.client_ip)
        data = input or StartDevicePairingInput()
        started = await pairing.start_pairing(
            context.settings, context.client_ip, data.model or "", data.app_version or "", data.resolution or ""
        )
        return StartDevicePairingPayload(
            pairing_code=started.pairing_code,
            device_code=started.device_code,
            expires_at=started.expires_at,
            poll_interval_seconds=started.poll_interval_seconds,
        )

    @strawberry.mutation(
        description="No credential. AUTHORIZATION_PENDING until claimed, SLOW_DOWN when polled too often, "
        "EXPIRED_TOKEN after expiry; once claimed, the device token, exactly once."
    )
    async def complete_device_pairing(self, info: Info, device_code: str) -> CompleteDevicePairingPayload:
        context = info.context
        await pairing.check_rate(context.settings, "complete", context.client_ip)
        try:
            done = await pairing.complete_pairing(context.settings, device_code)
        except pairing.PairingRefused as refused:
            code = UserErrorCode(refused.code.value)
            return CompleteDevicePairingPayload(user_errors=[user_error("deviceCode", code, refused.message)])
        return CompleteDevicePairingPayload(device_token=done.device_token, device=Device.of(done.device))

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
        await pairing.check_rate(context.settings, "claim", context.client_ip)
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
