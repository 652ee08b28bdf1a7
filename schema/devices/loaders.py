"""Per-request DataLoaders of the devices domain, beside the types whose fields fetch through them: however many
devices a query lists, each kind of row is read once."""

from __future__ import annotations

from datetime import datetime

from strawberry.dataloader import DataLoader

from models.base import current_tenant_id
from models.devices import Device, DeviceIdentity, DeviceSettings, SoftwareRelease
from schema.context import Info
from services.analytics.uptime import Uptime, device_uptimes
from services.devices.commands import latest_release, release_channel


async def _load_identities(device_ids: list[int]) -> list[DeviceIdentity | None]:
    tenant_id = current_tenant_id()
    rows = {row.device_id: row for row in await DeviceIdentity.filter(device_id__in=device_ids, tenant_id=tenant_id)}
    return [rows.get(i) for i in device_ids]


def identity_loader(info: Info) -> DataLoader[int, DeviceIdentity | None]:
    """Credential and presence rows by device id, limited to the current tenant."""
    return info.context.loaders.get("device_identity_by_device", _load_identities)


async def _load_settings(device_ids: list[int]) -> list[DeviceSettings | None]:
    rows = {row.device_id: row for row in await DeviceSettings.filter(device_id__in=device_ids)}
    return [rows.get(i) for i in device_ids]


def settings_loader(info: Info) -> DataLoader[int, DeviceSettings | None]:
    """Settings rows by device id, in the current tenant (None: the device keeps the defaults)."""
    return info.context.loaders.get("device_settings_by_device", _load_settings)


async def _load_target_release(keys: list[int]) -> list[SoftwareRelease | None]:
    row = await latest_release(await release_channel())
    return [row for _ in keys]


async def target_release(info: Info) -> SoftwareRelease | None:
    """The tenant's target release (the newest on its channel), read once per request however many devices ask."""
    loader: DataLoader[int, SoftwareRelease | None] = info.context.loaders.get(
        "devices_target_release", _load_target_release
    )
    return await loader.load(0)


UptimeKey = tuple[int, datetime, datetime]


async def _load_uptimes(keys: list[UptimeKey]) -> list[Uptime]:
    devices = {row.id: row for row in await Device.filter(id__in={device_id for device_id, _, _ in keys})}
    found: dict[UptimeKey, Uptime] = {}
    for start, end in dict.fromkeys((start, end) for _, start, end in keys):
        wanted = [devices[i] for i in dict.fromkeys(i for i, s, e in keys if (s, e) == (start, end)) if i in devices]
        for uptime in await device_uptimes(wanted, start, end):
            found[(uptime.device_id or 0, start, end)] = uptime
    return [found.get(key, Uptime(key[0], 0, 0)) for key in keys]


def uptime_loader(info: Info) -> DataLoader[UptimeKey, Uptime]:
    """Devices' uptimes by (device id, from, to), in the current tenant: one read of the rollups per range asked."""
    return info.context.loaders.get("device_uptime", _load_uptimes)
