"""Per-request DataLoaders of fleet analytics: however many alerts a page lists, their rules and devices are read
once each."""

from __future__ import annotations

from datetime import datetime

from strawberry.dataloader import DataLoader

from models.analytics import AlertRule
from models.devices import Device
from schema.context import Info
from services.analytics.uptime import Uptime, device_uptimes


async def _load_rules(ids: list[int]) -> list[AlertRule | None]:
    rows = {row.id: row for row in await AlertRule.filter(id__in=ids)}
    return [rows.get(i) for i in ids]


def rule_loader(info: Info) -> DataLoader[int, AlertRule | None]:
    """Alert rules of the current synagogue by id."""
    return info.context.loaders.get("alert_rule_by_id", _load_rules)


async def _load_devices(ids: list[int]) -> list[Device | None]:
    rows = {row.id: row for row in await Device.filter(id__in=ids)}
    return [rows.get(i) for i in ids]


def device_loader(info: Info) -> DataLoader[int, Device | None]:
    """Devices of the current synagogue by id (revoked ones too: an alert outlives its device's revocation)."""
    return info.context.loaders.get("analytics_device_by_id", _load_devices)


UptimeKey = tuple[datetime, datetime]


def uptime_loader(info: Info) -> DataLoader[UptimeKey, list[Uptime]]:
    """The uptime of every unrevoked device of the current synagogue over a range (`from`, `to`), per range asked."""

    async def load(keys: list[UptimeKey]) -> list[list[Uptime]]:
        devices = await Device.filter(revoked_at=None).order_by("id")
        return [await device_uptimes(devices, start, end) for start, end in keys]

    return info.context.loaders.get("fleet_uptime_by_range", load)
