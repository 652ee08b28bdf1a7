"""Device subscriptions: a TV's screen and commands, a synagogue's live events.

Channels are built by `subscriptions/` from the authenticated principal, never from client arguments.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from models.identity import Role
from permissions import HasRole, IsDevice
from schema.context import Info
from schema.devices.types import DeviceCommand, Screen, TenantEvent
from subscriptions.commands import command_stream
from subscriptions.events import tenant_event_stream
from subscriptions.screen import offered_slot, parked_screen, screen_stream, shared_payload


@strawberry.type
class DevicesSubscription:
    @strawberry.subscription(
        permission_classes=[IsDevice],
        description="The full current state first, then a new state after every change that touches this "
        "screen and at every time boundary (validUntil). Devices only.",
    )
    async def screen_updated(self, info: Info) -> AsyncGenerator[Screen, None]:
        context = info.context
        assert context.tenant_id is not None and context.principal.device_id is not None
        tenant_id, device_id = context.tenant_id, context.principal.device_id
        debounce = context.settings.screen_debounce_seconds
        slot = offered_slot()
        if slot is not None:  # over a websocket: the first state, then the feed serves the operation (parked)
            async for payload in parked_screen(slot, context.broadcast, tenant_id, device_id, Screen.of, debounce):
                yield payload
            return
        async for state in screen_stream(context.broadcast, tenant_id, device_id, debounce):
            yield shared_payload(state, Screen.of)

    @strawberry.subscription(
        permission_classes=[IsDevice],
        description="Pending commands first (after a reconnect too), then new ones. Devices only; answer each "
        "with acknowledgeDeviceCommand.",
    )
    async def device_commands(self, info: Info) -> AsyncGenerator[DeviceCommand, None]:
        context = info.context
        assert context.tenant_id is not None and context.principal.device_id is not None
        async for row in command_stream(context.broadcast, context.tenant_id, context.principal.device_id):
            yield DeviceCommand.of(row)

    @strawberry.subscription(
        permission_classes=[HasRole(Role.VIEWER)],
        description="Live events for the admin dashboard: devices online/offline, commands acknowledged "
        "(VIEWER and above).",
    )
    async def tenant_events(self, info: Info) -> AsyncGenerator[TenantEvent, None]:
        context = info.context
        assert context.tenant_id is not None
        async for raw in tenant_event_stream(context.broadcast, context.tenant_id):
            event = TenantEvent.of(raw)
            if event is not None:
                yield event
