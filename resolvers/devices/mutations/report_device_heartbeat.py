"""reportDeviceHeartbeat: the device's health sample; a sign of life that also closes the update loop."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import strawberry

from permissions import IsDevice
from resolvers.devices.access import access_device
from schema.context import Info
from schema.devices.inputs import DeviceHeartbeatInput
from schema.devices.payloads import ReportDeviceHeartbeatPayload
from services.devices import registry


@strawberry.type
class ReportDeviceHeartbeatMutation:
    @strawberry.mutation(
        permission_classes=[IsDevice], description="cpu and memory in percent. Devices only, about themselves."
    )
    async def report_device_heartbeat(
        self, info: Info, input: Annotated[DeviceHeartbeatInput, strawberry.argument(description="The sample.")]
    ) -> ReportDeviceHeartbeatPayload:
        context = info.context
        device = await access_device(info, context.principal.device_id)
        beat = registry.reported(
            input.cpu,
            input.memory,
            input.temperature,
            input.uptime_seconds,
            input.app_version,
            input.disk,
            input.free_storage_mb,
        )
        ok = await registry.report_heartbeat(context.broadcast, device, beat)
        return ReportDeviceHeartbeatPayload(ok=ok, server_time=datetime.now(UTC))
