"""Per-request DataLoaders of the devices domain."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from models.devices import DeviceIdentity, DeviceSettings
from schema.context import Info


async def _load_identities(device_ids: list[int]) -> list[DeviceIdentity | None]:
    from models.base import current_tenant_id

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
