"""The `deviceCommands` stream: every open command on (re)subscribe, then each new one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from models.base import tenant_scope
from models.devices import CommandStatus, DeviceCommand
from services.devices.commands import mark_delivered, open_commands
from services.devices.presence import live_presence
from subscriptions.channels import device_commands


async def _unsent(tenant_id: int, device_id: int, sent: set[int]) -> list[DeviceCommand]:
    async with tenant_scope(tenant_id):
        fresh = [row for row in await open_commands(device_id) if row.id not in sent]
        await mark_delivered([row.id for row in fresh if row.status == CommandStatus.PENDING])
    sent.update(row.id for row in fresh)
    return fresh


async def command_stream(broadcast: Any, tenant_id: int, device_id: int) -> AsyncIterator[DeviceCommand]:
    """Commands of one device, read from the database whenever its channel speaks.

    The channel is subscribed before the first read, so nothing written in between is missed; a
    broker reconnect (`RESYNC`) or any event simply triggers another read of the open commands.
    """
    sent: set[int] = set()
    async with (
        live_presence(broadcast, device_id, tenant_id),
        broadcast.subscribe(channel=device_commands(device_id)) as subscriber,
    ):
        for row in await _unsent(tenant_id, device_id, sent):
            yield row
        async for event in subscriber:
            if event is None:
                break
            for row in await _unsent(tenant_id, device_id, sent):
                yield row
