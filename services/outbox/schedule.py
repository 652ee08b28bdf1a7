"""The worker's schedule: tasks that run once per slot across every worker, with the schedule kept in the database.

Each task of `SCHEDULED_TASKS` has a slot length (a setting). At every turn of its loop a worker computes the
current slot of each task and tries to insert its `ScheduledSlot` row; the unique (task, slot) constraint lets
exactly one insert succeed, however many workers try, and a restarted worker finds the slots already run where
they are, in the database. The winner's task queues its work as jobs in the same transaction as the slot row,
so a slot is either claimed with its work queued or not claimed at all (a failure rolls both back and the next
turn claims it again). The jobs then spread over the workers; each evaluates "as of" its slot, so running one
again (a worker lost its lease) writes nothing twice.

A slot missed while no worker ran is not run late: every task reads trailing windows of data, so the next slot
covers it.
"""

from __future__ import annotations

import importlib
import logging
import os
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from config import Settings
from models.outbox import ScheduledSlot

log = logging.getLogger("shulgraph.worker")

WORKER_NAME = f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class ScheduledTask:
    """A task run once per slot: "module:function" (called with the settings and the slot's start, in the slot's
    transaction; it queues jobs) and the setting that holds the slot length in seconds."""

    target: str
    interval_setting: str


SCHEDULED_TASKS: dict[str, ScheduledTask] = {
    "alerts.evaluate": ScheduledTask("services.analytics.alerts:queue_evaluations", "alert_evaluation_seconds"),
    "anomalies.find": ScheduledTask("services.analytics.anomalies:queue_detection", "anomaly_interval_seconds"),
    "outbox.retention": ScheduledTask("services.outbox.retention:queue_retention", "retention_interval_seconds"),
}
"""Every scheduled task; a domain with scheduled work adds its row."""


def slot_of(at: datetime, seconds: int) -> datetime:
    """The start of the slot of length `seconds` that holds `at` (slots are aligned on the Unix epoch)."""
    stamp = int(at.timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, UTC)


async def claim_slot(task: str, slot: datetime, then: Callable[[], Awaitable[object]] | None = None) -> bool:
    """Insert the (task, slot) row and run `then` in the same transaction; False when another worker has it."""
    try:
        async with in_transaction():
            await ScheduledSlot.create(task=task, slot=slot, claimed_by=WORKER_NAME)
            if then is not None:
                await then()
    except IntegrityError:
        return False
    return True


async def run_scheduled(
    settings: Settings, seen: dict[str, datetime] | None = None, now: datetime | None = None
) -> list[str]:
    """Claim and start each task's current slot that no worker has yet; returns the tasks this worker started.
    `seen` (task -> the last slot this worker found claimed, by itself or another) spares a worker's loop the
    insert that would fail. A task that fails is logged and tried again at the next turn (its slot was not
    claimed)."""
    now = now or datetime.now(UTC)
    seen = {} if seen is None else seen
    started = []
    for task, spec in SCHEDULED_TASKS.items():
        slot = slot_of(now, int(getattr(settings, spec.interval_setting)))
        if seen.get(task) == slot:
            continue
        module, _, name = spec.target.partition(":")
        queue = getattr(importlib.import_module(module), name)

        async def work(
            queue: Callable[[Settings, datetime], Awaitable[object]] = queue, slot: datetime = slot
        ) -> None:
            await queue(settings, slot)

        try:
            if await claim_slot(task, slot, work):
                started.append(task)
            seen[task] = slot
        except Exception:
            log.exception("scheduled task failed", extra={"task": task, "slot": slot.isoformat()})
    return started
