"""Devices: the `Device` credential scheme, presence and status, renaming, revocation, heartbeats (a device's
own settings are in `services.devices.settings`).

Presence lives on the global `DeviceIdentity` row: a heartbeat or a live subscription refreshes
`last_seen_at`; `online` remembers which transition was last announced, so each online/offline change
is announced once (a conditional update wins the race between processes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from config import get_settings
from models.devices import (
    OPEN_COMMAND_STATUSES,
    CommandKind,
    CommandStatus,
    Device,
    DeviceCommand,
    DeviceHeartbeat,
    DeviceIdentity,
    DeviceMetricHour,
)
from models.webhooks import WebhookEvent
from services.devices.commands import version_key
from services.devices.rules import device_text_problems, missing
from services.identity.principals import Principal, register_scheme
from services.identity.tokens import hash_secret, secret_kind
from services.infra.errors import ServiceError, Unauthenticated
from services.infra.problems import Problem
from services.webhooks.endpoints import emit as emit_webhook
from subscriptions.events import after_commit, tenant_event
from subscriptions.revocations import announce
from subscriptions.sessions import close_principal_sockets

ONLINE_WINDOW_SECONDS = 90


class DeviceStatus(StrEnum):
    ONLINE = "ONLINE"
    OFFLINE = "OFFLINE"
    NEVER_SEEN = "NEVER_SEEN"
    REVOKED = "REVOKED"


def principal_key(device_id: int) -> str:
    return f"device:{device_id}"


async def device_principal(credential: str) -> Principal:
    """`Authorization: Device <token>`: the device and its tenant, or `Unauthenticated`."""
    if secret_kind(credential) != "device":
        raise Unauthenticated("invalid device token")
    identity = await DeviceIdentity.get_or_none(token_hash=hash_secret(credential))
    if identity is None or identity.revoked_at is not None:
        raise Unauthenticated("invalid device token")
    return Principal(kind="device", device_id=identity.device_id, tenant_id=identity.tenant_id)


register_scheme("device", device_principal)


def status_of(identity: DeviceIdentity | None, now: datetime | None = None, window: int = ONLINE_WINDOW_SECONDS) -> str:
    if identity is None or identity.revoked_at is not None:
        return DeviceStatus.REVOKED if identity is not None else DeviceStatus.NEVER_SEEN
    if identity.last_seen_at is None:
        return DeviceStatus.NEVER_SEEN
    now = now or datetime.now(UTC)
    return DeviceStatus.ONLINE if now - identity.last_seen_at <= timedelta(seconds=window) else DeviceStatus.OFFLINE


# --- presence ----------------------------------------------------------------------------------------------


async def mark_seen(broadcast: Any, device_id: int, tenant_id: int, now: datetime | None = None) -> None:
    """A sign of life: refresh `last_seen_at`, and announce the device online if it was not."""
    now = now or datetime.now(UTC)
    came_online = await DeviceIdentity.filter(device_id=device_id, online=False, revoked_at=None).update(
        online=True, last_seen_at=now
    )
    if came_online:
        await tenant_event(broadcast, tenant_id, "DEVICE_ONLINE", device_id)
    else:
        await DeviceIdentity.filter(device_id=device_id).update(last_seen_at=now)


async def sweep_offline(broadcast: Any, now: datetime | None = None, window: int = ONLINE_WINDOW_SECONDS) -> int:
    """Announce every device whose last sign of life is older than the window as offline."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(seconds=window)
    gone = 0
    for identity in await DeviceIdentity.filter(online=True, last_seen_at__lt=cutoff).limit(1000):
        async with in_transaction():  # the flip and its webhook delivery commit together
            flipped = await DeviceIdentity.filter(id=identity.id, online=True, last_seen_at__lt=cutoff).update(
                online=False
            )
            if flipped:
                await emit_webhook(
                    WebhookEvent.DEVICE_OFFLINE, {"deviceId": identity.device_id}, tenant_id=identity.tenant_id
                )
        if flipped:
            gone += 1
            await tenant_event(broadcast, identity.tenant_id, "DEVICE_OFFLINE", identity.device_id)
    return gone


# --- editing and revocation -------------------------------------------------------------------------------


async def update_device(
    device: Device | None, name: str | None, location: str | None, group: str | None
) -> list[Problem]:
    """Rename a device of the current tenant, move it, or put it in a group (given texts only, stripped)."""
    if device is None:
        return [missing("id")]
    given = {"name": name, "location": location, "group": group}
    changes = {key: value.strip() for key, value in given.items() if value is not None}
    problems = device_text_problems(changes)
    if problems:
        return problems
    if changes:
        for key, value in changes.items():
            setattr(device, key, value)
        await device.save(update_fields=list(changes))
    return []


async def revoke_device(broadcast: Any, device: Device | None) -> list[Problem]:
    """Revoke in the current tenant: the token dies, open commands expire, open sockets close."""
    if device is None:
        return [missing("id")]
    now = datetime.now(UTC)
    if device.revoked_at is None:
        device.revoked_at = now
        await device.save(update_fields=["revoked_at"])
    await DeviceIdentity.filter(device_id=device.id, tenant_id=device.tenant_id).update(revoked_at=now, online=False)
    await DeviceCommand.filter(device_id=device.id, status__in=OPEN_COMMAND_STATUSES).update(
        status=CommandStatus.EXPIRED, completed_at=now, detail="device revoked"
    )
    await tenant_event(broadcast, device.tenant_id, "DEVICE_REVOKED", device.id)
    key = principal_key(device.id)
    await announce(key)  # the device every process keeps with its token (and again after the commit)

    async def close() -> None:
        await close_principal_sockets(broadcast, key, "device revoked")

    await after_commit(close)
    return []


# --- heartbeats --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heartbeat:
    cpu: float | None = None
    memory: float | None = None
    temperature: float | None = None
    uptime_seconds: int | None = None
    app_version: str | None = None
    disk: float | None = None
    free_storage_mb: float | None = None


def clamp(value: float | None, low: float, high: float) -> float | None:
    return None if value is None else min(max(value, low), high)


def reported(
    cpu: float | None, memory: float | None, temperature: float | None, uptime: int | None, version: str | None,
    disk: float | None = None, free_storage_mb: float | None = None,
) -> Heartbeat:  # fmt: skip
    """A heartbeat as a device reported it, held to sane bounds: percentages 0 to 100, -50 to 150 degrees, a
    positive uptime, a version of at most 40 characters, free storage from 0 to 10^9 MB."""
    return Heartbeat(
        cpu=clamp(cpu, 0, 100),
        memory=clamp(memory, 0, 100),
        temperature=clamp(temperature, -50, 150),
        uptime_seconds=uptime if uptime and uptime > 0 else None,
        app_version=(version or "")[:40] or None,
        disk=clamp(disk, 0, 100),
        free_storage_mb=clamp(free_storage_mb, 0, 1e9),
    )


async def report_heartbeat(broadcast: Any, device: Device | None, beat: Heartbeat) -> bool:
    """Record the calling device's heartbeat; False when its device is gone."""
    if device is None:
        return False
    await record_heartbeat(broadcast, device, beat)
    return True


def heartbeats_between(device_id: int, start: datetime, end: datetime) -> QuerySet[DeviceHeartbeat]:
    """A device's raw heartbeats in [start, end), newest first (current tenant)."""
    if end <= start:
        raise ServiceError("`to` must be after `from`")
    return DeviceHeartbeat.filter(device_id=device_id, at__gte=start, at__lt=end).order_by("-at", "-id")


async def record_heartbeat(broadcast: Any, device: Device, beat: Heartbeat, now: datetime | None = None) -> None:
    """Store a sample in the series, keep the reported version, and close the update loop."""
    now = now or datetime.now(UTC)
    await mark_seen(broadcast, device.id, device.tenant_id, now)  # the identity row before command rows, as the sweep
    await store_sample(device.id, beat, now)
    previous = device.app_version
    if beat.app_version and beat.app_version != device.app_version:
        device.app_version = beat.app_version
        await device.save(update_fields=["app_version"])
    if beat.app_version:
        await _close_update_commands(broadcast, device, beat.app_version, previous, now)


def hour_of(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


MAX_SAMPLES_PER_HOUR = 360
"""One sample per 10 seconds on average; a device that reports faster still counts as seen."""


async def store_sample(device_id: int, beat: Heartbeat, at: datetime) -> bool:
    """One heartbeat into its hour's aggregate and the raw series (current tenant); False when the
    hour already holds `MAX_SAMPLES_PER_HOUR` samples and this one is left out.

    The first sample of an hour also trims this device's series: raw samples past
    `DEVICE_HEARTBEAT_RETENTION_DAYS`, hourly aggregates past `DEVICE_METRIC_ROLLUP_RETENTION_DAYS`.
    A device heartbeating every 30 seconds thus keeps about 86,000 raw rows and 9,600 hourly rows.
    """
    row, created = await DeviceMetricHour.get_or_create(device_id=device_id, hour=hour_of(at))
    changes: dict[str, Any] = {"samples": F("samples") + 1}
    if beat.cpu is not None:
        changes.update(cpu_sum=F("cpu_sum") + beat.cpu, cpu_count=F("cpu_count") + 1)
    if beat.memory is not None:
        changes.update(memory_sum=F("memory_sum") + beat.memory, memory_count=F("memory_count") + 1)
    if not await DeviceMetricHour.filter(id=row.id, samples__lt=MAX_SAMPLES_PER_HOUR).update(**changes):
        return False
    minute = at.astimezone(UTC).minute  # a device's samples arrive in order: a new minute is one more seen
    await DeviceMetricHour.filter(id=row.id).exclude(last_minute=minute).update(
        minutes_seen=F("minutes_seen") + 1, last_minute=minute
    )
    if beat.cpu is not None:
        higher = Q(cpu_max__isnull=True) | Q(cpu_max__lt=beat.cpu)
        await DeviceMetricHour.filter(higher, id=row.id).update(cpu_max=beat.cpu)
    if beat.temperature is not None:
        higher = Q(temperature_max__isnull=True) | Q(temperature_max__lt=beat.temperature)
        await DeviceMetricHour.filter(higher, id=row.id).update(temperature_max=beat.temperature)
    await DeviceHeartbeat.create(
        device_id=device_id,
        at=at,
        cpu=beat.cpu,
        memory=beat.memory,
        temperature=beat.temperature,
        disk=beat.disk,
        free_storage_mb=beat.free_storage_mb,
        uptime_seconds=beat.uptime_seconds,
        app_version=beat.app_version or "",
    )
    if created:
        settings = get_settings()
        raw_cutoff = at - timedelta(days=settings.device_heartbeat_retention_days)
        hour_cutoff = at - timedelta(days=settings.device_metric_rollup_retention_days)
        await DeviceHeartbeat.filter(device_id=device_id, at__lt=raw_cutoff).delete()
        await DeviceMetricHour.filter(device_id=device_id, hour__lt=hour_cutoff).delete()
    return True


async def _close_update_commands(broadcast: Any, device: Device, version: str, previous: str, now: datetime) -> None:
    """An open UPDATE_APP is done once the device runs its target release, or a newer one it reached from
    below the target (`previous`: the version it reported before). A device already past the target (an
    UPDATE_APP back to an older release) is done only once it runs that release."""
    updates = await DeviceCommand.filter(
        device_id=device.id, kind=CommandKind.UPDATE_APP, status__in=OPEN_COMMAND_STATUSES
    )
    for command in updates:
        release = command.payload.get("release")
        target = release.get("version") if isinstance(release, dict) else None
        if not isinstance(target, str):
            continue
        crossed = version_key(previous) < version_key(target) <= version_key(version)
        if version_key(version) == version_key(target) or crossed:
            done = await DeviceCommand.filter(id=command.id, status__in=OPEN_COMMAND_STATUSES).update(
                status=CommandStatus.ACKNOWLEDGED, completed_at=now, detail=f"running {version}"
            )
            if done:
                await tenant_event(
                    broadcast,
                    device.tenant_id,
                    "COMMAND_ACKNOWLEDGED",
                    device.id,
                    commandId=command.id,
                    commandKind=command.kind.value,
                    success=True,
                )
