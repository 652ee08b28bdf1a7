"""Sending commands as an ADMIN asks: to one device, or one command to many (by ids and/or a group) with an
answer per device. The request is checked here (time to live, payload, how many devices) before any command is
written; each command is then issued by `services.devices.commands` (a row first, delivered at least once). In a
synagogue's Shabbat mode, a command other than those a screen needs is held until havdalah."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from config import Settings
from models.devices import CommandKind, Device, DeviceCommand
from services.content.rest import held_until
from services.devices.commands import SCREEN_KEEPING, CommandRefused, issue_command
from services.devices.groups import Lookup, group_members
from services.devices.rules import MAX_BATCH, batch_too_large, empty_group, missing
from services.infra.ids import to_global_id
from services.infra.problems import Problem

MIN_TTL, MAX_TTL = 60, 7 * 24 * 3600


@dataclass(frozen=True)
class Order:
    """One command as asked for: what, with which payload, for how long (None: the setting), by whom."""

    kind: CommandKind
    payload: Any
    ttl_seconds: int | None
    issued_by: int | None


@dataclass(frozen=True)
class Outcome:
    """The answer for one device of a batch, named by the global id it was asked by."""

    device_id: str
    command: DeviceCommand | None
    problems: list[Problem]


@dataclass(frozen=True)
class Batch:
    batch_id: str
    outcomes: list[Outcome]


def ttl_problems(ttl_seconds: int | None) -> list[Problem]:
    if ttl_seconds is not None and not MIN_TTL <= ttl_seconds <= MAX_TTL:
        return [Problem("ttlSeconds", "OUT_OF_RANGE", f"from {MIN_TTL} to {MAX_TTL} seconds")]
    return []


def _payload(value: Any) -> dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value
    raise CommandRefused("payload", "INVALID", "payload must be a JSON object")


async def _held(order: Order) -> datetime | None:
    """Until when the order waits: the havdalah, in Shabbat mode on Shabbat or yom tov, unless a screen needs it."""
    return None if order.kind in SCREEN_KEEPING else await held_until()


async def _issue(
    broadcast: Any,
    settings: Settings,
    device: Device,
    order: Order,
    batch_id: str = "",
    held: datetime | None = None,
) -> tuple[DeviceCommand | None, list[Problem]]:
    try:
        command = await issue_command(
            broadcast,
            device,
            order.kind,
            _payload(order.payload),
            order.ttl_seconds or settings.device_command_ttl_seconds,
            issued_by=order.issued_by,
            batch_id=batch_id,
            held_until=held,
        )
    except CommandRefused as refused:
        return None, [Problem(refused.field, refused.code, refused.message)]
    return command, []


async def send_command(
    broadcast: Any, settings: Settings, device: Device | None, order: Order
) -> tuple[DeviceCommand | None, list[Problem]]:
    """Queue one command for one device of the current tenant."""
    problems = ttl_problems(order.ttl_seconds)
    if problems:
        return None, problems
    if device is None:
        return None, [missing("deviceId")]
    return await _issue(broadcast, settings, device, order, held=await _held(order))


async def send_commands(
    broadcast: Any, settings: Settings, device_ids: list[str], group: str | None, order: Order, lookup: Lookup
) -> tuple[Batch | None, list[Problem]]:
    """One command to the named devices and the members of `group`, each once. The number of ids is checked
    before any is looked up; a device that is missing or refuses the command has its own problems."""
    problems = ttl_problems(order.ttl_seconds)
    if problems:
        return None, problems
    ids = list(dict.fromkeys(device_ids))
    if len(ids) > MAX_BATCH:
        return None, [batch_too_large()]
    name = (group or "").strip()
    if not ids and not name:
        return None, [Problem("deviceIds", "REQUIRED", "name devices or a group")]
    members = await group_members(name) if name else []
    if name and not members:
        return None, [empty_group("group")]
    targets = [(global_id, await lookup(global_id)) for global_id in ids]
    named = set(ids)
    targets += [(gid, member) for member in members if (gid := to_global_id("Device", member.id)) not in named]
    if len(targets) > MAX_BATCH:
        return None, [batch_too_large()]
    batch = Batch(uuid.uuid4().hex, [])
    held = await _held(order)
    for global_id, target in targets:
        if target is None:
            batch.outcomes.append(Outcome(global_id, None, [missing("deviceIds")]))
        else:
            outcome = await _issue(broadcast, settings, target, order, batch.batch_id, held)
            batch.outcomes.append(Outcome(global_id, *outcome))
    return batch, []
