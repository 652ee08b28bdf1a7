"""Device commands: rows first (PENDING), then an event; delivered at least once, acknowledged once.

Statuses move forward only: PENDING → DELIVERED → ACKNOWLEDGED | FAILED, and PENDING/DELIVERED →
EXPIRED when a command outlives its time to live. A device that (re)subscribes receives every open
command again, so a command is never lost because the broker was down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.base import tenant_scope
from models.devices import (
    OPEN_COMMAND_STATUSES,
    CommandKind,
    CommandStatus,
    Device,
    DeviceCommand,
    DeviceIdentity,
    FleetPolicy,
    ReleaseChannel,
    SoftwareRelease,
)
from services.devices.rules import missing
from services.infra.problems import Problem
from services.outbox.queue import JobRun, enqueue, handler, worker_publish
from subscriptions.channels import device_commands
from subscriptions.events import publish, tenant_event

EXPIRED_DETAIL = "not acknowledged in time"
RELEASE_JOB = "device_commands.release"
SCREEN_KEEPING = frozenset({CommandKind.RELOAD})
"""Commands a screen needs to keep showing: never held for Shabbat."""


class CommandRefused(Exception):
    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message


def version_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """Orders versions like 1.4.2: numerically, a pre-release (1.4.2-beta.1) before its release."""
    core, _, pre = version.strip().partition("-")
    numbers = [int(part) if part.isascii() and part.isdigit() else 0 for part in core.split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers), 0 if pre else 1, pre


async def release_channel() -> ReleaseChannel:
    """The channel the current tenant's devices follow."""
    policy = await FleetPolicy.first()
    return policy.release_channel if policy else ReleaseChannel.STABLE


async def latest_release(channel: ReleaseChannel) -> SoftwareRelease | None:
    releases = await SoftwareRelease.filter(channel=channel)
    return max(releases, key=lambda r: version_key(r.version), default=None)


def release_payload(release: SoftwareRelease) -> dict[str, Any]:
    return {
        "version": release.version,
        "channel": release.channel.value,
        "url": release.url,
        "checksum": release.checksum,
    }


async def _update_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """UPDATE_APP carries its target release: the one named, or the newest on the tenant's channel."""
    channel = await release_channel()
    wanted = payload.get("version")
    if wanted is not None:
        release = await SoftwareRelease.get_or_none(channel=channel, version=str(wanted))
        if release is None:
            raise CommandRefused("payload", "NOT_FOUND", f"no release {wanted} on the {channel.value} channel")
    else:
        release = await latest_release(channel)
        if release is None:
            raise CommandRefused("kind", "NOT_FOUND", f"no release published on the {channel.value} channel")
    return {**payload, "release": release_payload(release)}


async def issue_command(
    broadcast: Any,
    device: Device,
    kind: CommandKind,
    payload: dict[str, Any] | None,
    ttl_seconds: int,
    issued_by: int | None = None,
    batch_id: str = "",
    held_until: datetime | None = None,
) -> DeviceCommand:
    """Write a PENDING command in the current tenant and signal its device (after commit). A command `held_until` a
    havdalah (Shabbat mode) is delivered from then: its time to live counts from then, and the outbox signals the
    device at that moment."""
    if device.revoked_at is not None:
        raise CommandRefused("deviceId", "INVALID", "this device is revoked")
    body = dict(payload or {})
    if kind == CommandKind.SET_BRIGHTNESS or kind == CommandKind.SET_VOLUME:
        level = body.get("level")
        if not isinstance(level, int | float) or isinstance(level, bool) or not 0 <= level <= 100:
            raise CommandRefused("payload", "OUT_OF_RANGE", "payload.level must be a number from 0 to 100")
    if kind == CommandKind.UPDATE_APP:
        body = await _update_payload(body)
    command = await DeviceCommand.create(
        device_id=device.id,
        kind=kind,
        payload=body,
        issued_by_id=issued_by,
        batch_id=batch_id,
        expires_at=(held_until or datetime.now(UTC)) + timedelta(seconds=ttl_seconds),
        held_until=held_until,
    )
    await DeviceIdentity.filter(
        Q(commands_due_at=None) | Q(commands_due_at__gt=command.expires_at), device_id=device.id
    ).update(commands_due_at=command.expires_at)
    if held_until is None:
        await publish(broadcast, device_commands(device.id), {"commandId": command.id})
    else:
        delay = max(0.0, (held_until - datetime.now(UTC)).total_seconds())
        await enqueue(RELEASE_JOB, {"deviceId": device.id, "commandId": command.id}, delay_seconds=delay)
    return command


@handler(RELEASE_JOB)
async def release_held(run: JobRun) -> None:
    """Havdalah came: signal the device, whose stream then reads its commands again (the held one included)."""
    await worker_publish(device_commands(int(run.payload["deviceId"])), {"commandId": run.payload["commandId"]})


async def open_commands(device_id: int, now: datetime | None = None) -> list[DeviceCommand]:
    """Every command the device still has to act on, oldest first. Outdated ones are left out but not
    expired here: the sweep expires them and announces each on `tenantEvents`; held ones (Shabbat mode) wait
    for their havdalah."""
    now = now or datetime.now(UTC)
    return await DeviceCommand.filter(
        Q(held_until=None) | Q(held_until__lte=now),
        device_id=device_id,
        status__in=OPEN_COMMAND_STATUSES,
        expires_at__gt=now,
    ).order_by("id")


async def expire_due_commands(broadcast: Any, now: datetime | None = None, limit: int = 500) -> int:
    """Expire the open commands past their time to live, for every tenant; announce each on `tenantEvents`.

    `DeviceIdentity.commands_due_at` points at the devices with something due, so the sweep enters only
    their tenants. The identity row is locked while its next due time is recomputed, and issuing a
    command lowers that time under the same lock, so no command is missed.
    """
    now = now or datetime.now(UTC)
    count = 0
    for due in await DeviceIdentity.filter(commands_due_at__lte=now).order_by("commands_due_at").limit(limit):
        async with tenant_scope(due.tenant_id):
            identity = await DeviceIdentity.filter(id=due.id).select_for_update().first()
            if identity is None or identity.commands_due_at is None or identity.commands_due_at > now:
                continue
            # Locked, so an acknowledgement racing the sweep either lands first (and the row drops out
            # here) or waits and then finds the command EXPIRED: each expiry is announced exactly once.
            outdated = (
                await DeviceCommand.filter(
                    device_id=identity.device_id, status__in=OPEN_COMMAND_STATUSES, expires_at__lte=now
                )
                .select_for_update()
                .order_by("id")
            )
            await DeviceCommand.filter(id__in=[c.id for c in outdated], status__in=OPEN_COMMAND_STATUSES).update(
                status=CommandStatus.EXPIRED, completed_at=now, detail=EXPIRED_DETAIL
            )
            following = (
                await DeviceCommand.filter(device_id=identity.device_id, status__in=OPEN_COMMAND_STATUSES)
                .order_by("expires_at")
                .first()
            )
            await DeviceIdentity.filter(id=identity.id).update(
                commands_due_at=following.expires_at if following else None
            )
        for command in outdated:
            count += 1
            await _announce_expired(broadcast, command)
    return count


async def _announce_expired(broadcast: Any, command: DeviceCommand) -> None:
    await tenant_event(
        broadcast,
        command.tenant_id,
        "COMMAND_EXPIRED",
        command.device_id,
        commandId=command.id,
        commandKind=command.kind.value,
    )


async def mark_delivered(command_ids: list[int], now: datetime | None = None) -> None:
    if command_ids:
        await DeviceCommand.filter(id__in=command_ids, status=CommandStatus.PENDING).update(
            status=CommandStatus.DELIVERED, delivered_at=now or datetime.now(UTC)
        )


def history(device_id: int) -> QuerySet[DeviceCommand]:
    """A device's commands, newest first (current tenant)."""
    return DeviceCommand.filter(device_id=device_id).order_by("-id")


@dataclass(frozen=True)
class Acknowledgement:
    success: bool
    detail: str = ""
    uploaded: bool = False
    """The capture of a SCREENSHOT was uploaded and verified: only that completes one successfully."""


async def acknowledge(broadcast: Any, command: DeviceCommand, ack: Acknowledgement) -> DeviceCommand:
    """Record the device's answer once; a repeated answer returns the command unchanged.

    Only an open command within its time to live takes an answer. One that arrives after `expires_at`
    is not recorded: the command becomes EXPIRED on the spot and is announced as the sweep announces
    it. Each step is one conditional update on the command row, and the sweep locks the rows it
    expires, so of a racing answer and sweep exactly one changes (and announces) the command; the
    caller tells a refused answer by the EXPIRED status it gets back.
    """
    now = datetime.now(UTC)
    status = CommandStatus.ACKNOWLEDGED if ack.success else CommandStatus.FAILED
    answered = await DeviceCommand.filter(id=command.id, status__in=OPEN_COMMAND_STATUSES, expires_at__gt=now).update(
        status=status, completed_at=now, detail=ack.detail[:500], delivered_at=command.delivered_at or now
    )
    if answered:
        await tenant_event(
            broadcast,
            command.tenant_id,
            "COMMAND_ACKNOWLEDGED" if ack.success else "COMMAND_FAILED",
            command.device_id,
            commandId=command.id,
            commandKind=command.kind.value,
            success=ack.success,
        )
    else:
        expired = await DeviceCommand.filter(
            id=command.id, status__in=OPEN_COMMAND_STATUSES, expires_at__lte=now
        ).update(status=CommandStatus.EXPIRED, completed_at=now, detail=EXPIRED_DETAIL)
        if expired:
            await _announce_expired(broadcast, command)
    refreshed = await DeviceCommand.get(id=command.id)
    return refreshed


async def answer(
    broadcast: Any, command: DeviceCommand | None, ack: Acknowledgement
) -> tuple[DeviceCommand | None, list[Problem]]:
    """The device's answer to a command of its own (`acknowledge`); one after the command's time to live is
    refused with EXPIRED, and the command, EXPIRED from then on, comes back with the refusal."""
    if command is None:
        return None, [missing("commandId", "command")]
    still_open = command.status in OPEN_COMMAND_STATUSES and command.expires_at > datetime.now(UTC)
    if command.kind == CommandKind.SCREENSHOT and ack.success and not ack.uploaded and still_open:
        message = "a SCREENSHOT completes when its capture is uploaded (createScreenshotUpload, attachScreenshot)"
        return command, [Problem("success", "NOT_UPLOADED", message)]
    updated = await acknowledge(broadcast, command, ack)
    if updated.status == CommandStatus.EXPIRED:
        return updated, [Problem("commandId", "EXPIRED", "the command expired before this answer came")]
    return updated, []
