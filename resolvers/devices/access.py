"""The one road from an id to a device or a command: only the current tenant's, only yours as a device."""

from __future__ import annotations

import logging

from models.devices import Device, DeviceCommand
from schema.context import Info

log = logging.getLogger("shulgraph.access")


def _denied(info: Info, kind: str, pk: int) -> None:
    log.info(
        "access denied",
        extra={
            "type": kind,
            "id": pk,
            "tenant": info.context.tenant_id,
            "principal": info.context.principal.describe(),
        },
    )


async def access_device(info: Info, pk: int) -> Device | None:
    """A device of the caller's tenant; a device principal sees only itself."""
    context = info.context
    if context.tenant_id is None:
        return None
    if context.principal.kind == "device" and context.principal.device_id != pk:
        _denied(info, "Device", pk)
        return None
    device = await Device.get_or_none(id=pk)
    if device is None:
        _denied(info, "Device", pk)
    return device


async def access_command(info: Info, pk: int) -> DeviceCommand | None:
    """A command of the caller's tenant; a device principal sees only its own commands."""
    context = info.context
    if context.tenant_id is None:
        return None
    command = await DeviceCommand.get_or_none(id=pk)
    if command is None or (context.principal.kind == "device" and command.device_id != context.principal.device_id):
        _denied(info, "DeviceCommand", pk)
        return None
    return command
