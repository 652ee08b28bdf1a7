"""reportDeviceHeartbeat: the device's health sample; a sign of life that also closes the update loop."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from permissions import IsDevice
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import DeviceHeartbeatInput
from schema.devices.mutations.device_rules import clamp
from schema.devices.payloads import ReportDeviceHeartbeatPayload
from services.devices import registry as service


@strawberry.type
class ReportDeviceHeartbeatMutation:
    @strawberry.mutation(permission_classes=[IsDevice], description="cpu and memory in percent.")
    async def report_device_heartbeat(self, info: Info, input: DeviceHeartbeatInput) -> ReportDeviceHeartbeatPayload:
        context = info.context
        assert context.principal.device_id is not None
        device = await access_device(info, context.principal.device_id)
        if device is None:
            return ReportDeviceHeartbeatPayload(ok=False, server_time=datetime.now(UTC))
        beat = service.Heartbeat(
            cpu=clamp(input.cpu, 0, 100),
            memory=clamp(input.memory, 0, 100),
            temperature=clamp(input.temperature, -50, 150),
            uptime_seconds=input.uptime_seconds if input.uptime_seconds and input.uptime_seconds > 0 else None,
            app_version=(input.app_version or "")[:40] or None,
        )
        await service.record_heartbeat(context.broadcast, device, beat)
        return ReportDeviceHeartbeatPayload(ok=True, server_time=datetime.now(UTC))
