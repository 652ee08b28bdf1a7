"""The object types of the devices domain, one module per noun (device, command, release, settings, screen,
events), all named here so that `from schema.devices.types import Device` reaches any of them."""

from __future__ import annotations

from schema.devices.types.command import DeviceCommand
from schema.devices.types.device import Device, DeviceGroup, DeviceHeartbeat
from schema.devices.types.events import TenantEvent
from schema.devices.types.release import SoftwareRelease
from schema.devices.types.screen import Screen
from schema.devices.types.settings import ContentOverrides, DeviceSettings, PanelSetting

__all__ = [
    "ContentOverrides",
    "Device",
    "DeviceCommand",
    "DeviceGroup",
    "DeviceHeartbeat",
    "DeviceSettings",
    "PanelSetting",
    "Screen",
    "SoftwareRelease",
    "TenantEvent",
]
