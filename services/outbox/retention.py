"""Retention: what has served its time is deleted by the worker, in batches, once per retention slot.

Past their settings' ages: finished jobs (DONE or FAILED: a pending or running job is never touched), webhook
deliveries that are DELIVERED, FAILED or DISCARDED, device commands that are ACKNOWLEDGED, FAILED or EXPIRED, anomalies
older than the raw heartbeats they were found in, audit entries, and the schedule's own slot rows. Slots and system
jobs are global (the central database's); the rest, a synagogue's jobs included, are deleted synagogue by
synagogue, each batch in its own transaction in that synagogue's scope: where its rows live (the central database
or the one it is placed in), behind row-level security and a move's fence and switch lock.

Audit entries are append-only for the application role: on PostgreSQL they are deleted only through
`shulgraph_purge_audit`, a SECURITY DEFINER function owned by the owner role (`models.platform`), which deletes
one batch of the synagogue the transaction serves. On SQLite (one role) they are deleted directly.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.models import Model
from tortoise.queryset import QuerySet

from config import Settings, get_settings
from models.analytics import DeviceAnomaly
from models.base import tenant_scope
from models.devices import CommandStatus, DeviceCommand
from models.outbox import Job, JobStatus, ScheduledSlot
from models.platform import AuditEntry
from models.synagogue import Synagogue
from models.webhooks import DeliveryStatus, WebhookDelivery
from services.outbox.queue import JobRun, enqueue, handler

log = logging.getLogger("shulgraph.worker")

RETENTION_JOB = "outbox.retention"
SLOT_RETENTION = timedelta(days=2)
FINISHED_DELIVERIES = [DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.DISCARDED]


async def queue_retention(settings: Settings, slot: datetime) -> None:
    """The retention slot's work: one system job (the scheduler calls this in the slot's transaction)."""
    await enqueue(RETENTION_JOB, {"slot": slot.isoformat()}, system=True)


async def _in_batches(rows: Callable[[], QuerySet[Any]], model: type[Model], batch: int) -> int:
    """Delete what `rows()` selects, `batch` rows per statement, until none is left; returns how many."""
    deleted = 0
    while True:
        ids = await rows().order_by("id").limit(batch).values_list("id", flat=True)
        if not ids:
            return deleted
        deleted += await model.filter(id__in=list(ids)).delete()
        if len(ids) < batch:
            return deleted


async def _tenant_batches(tenant_id: int, delete_batch: Callable[[], Awaitable[int]], batch: int) -> int:
    """Run `delete_batch` in the synagogue's scope, one transaction per batch, until a batch comes back short."""
    deleted = 0
    while True:
        async with tenant_scope(tenant_id):
            count = await delete_batch()
        deleted += count
        if count < batch:
            return deleted


async def _purge_audit(cutoff: datetime, batch: int) -> int:
    """One batch of the current synagogue's audit entries older than `cutoff`."""
    connection = AuditEntry._meta.db  # the synagogue's transaction, where its rows live (models.base.PlacedMeta)
    if connection.capabilities.dialect == "postgres":
        rows = await connection.execute_query_dict("SELECT shulgraph_purge_audit($1, $2) AS n", [cutoff, batch])
        return int(rows[0]["n"])
    ids = await AuditEntry.filter(at__lt=cutoff).order_by("id").limit(batch).values_list("id", flat=True)
    return await AuditEntry.filter(id__in=list(ids)).delete() if ids else 0


def _batch_of(rows: Callable[[], QuerySet[Any]], model: type[Model], batch: int) -> Callable[[], Awaitable[int]]:
    async def delete_one_batch() -> int:
        ids = await rows().order_by("id").limit(batch).values_list("id", flat=True)
        return await model.filter(id__in=list(ids)).delete() if ids else 0

    return delete_one_batch


FINISHED = [JobStatus.DONE, JobStatus.FAILED]


def _finished_jobs(tenant_id: int, cutoff: datetime) -> Callable[[], QuerySet[Any]]:
    """A synagogue's finished jobs older than `cutoff` (read in its scope: where its rows live)."""
    return lambda: Job.filter(tenant_id=tenant_id, status__in=FINISHED, finished_at__lt=cutoff)


async def purge(settings: Settings, now: datetime, keep_job: int | None = None) -> dict[str, int]:
    """Delete everything past its age (see the module); returns how many rows of each kind went."""
    batch = settings.retention_batch_size
    days = timedelta(days=1)
    counts: Counter[str] = Counter()
    job_cutoff = now - settings.job_retention_days * days
    counts["jobs"] = await _in_batches(
        lambda: Job.filter(tenant_id__isnull=True, status__in=FINISHED, finished_at__lt=job_cutoff).exclude(
            id=keep_job or 0
        ),
        Job,
        batch,
    )
    old_slots = now - SLOT_RETENTION
    counts["slots"] = await _in_batches(lambda: ScheduledSlot.filter(slot__lt=old_slots), ScheduledSlot, batch)
    delivery_cutoff = now - settings.webhook_delivery_retention_days * days
    command_cutoff = now - settings.device_command_retention_days * days
    anomaly_cutoff = now - settings.device_heartbeat_retention_days * days
    audit_cutoff = now - settings.audit_retention_days * days
    tenant_ids: list[int] = await Synagogue.all().order_by("id").values_list("id", flat=True)  # type: ignore[assignment]
    for tenant_id in tenant_ids:
        kinds: dict[str, Callable[[], Awaitable[int]]] = {
            "jobs": _batch_of(_finished_jobs(tenant_id, job_cutoff), Job, batch),
            "webhookDeliveries": _batch_of(
                lambda: WebhookDelivery.filter(
                    status__in=FINISHED_DELIVERIES, created_at__lt=delivery_cutoff
                ),
                WebhookDelivery,
                batch,
            ),
            "deviceCommands": _batch_of(
                lambda: DeviceCommand.filter(
                    status__in=[CommandStatus.ACKNOWLEDGED, CommandStatus.FAILED, CommandStatus.EXPIRED],
                    issued_at__lt=command_cutoff,
                ),
                DeviceCommand,
                batch,
            ),
            "anomalies": _batch_of(lambda: DeviceAnomaly.filter(at__lt=anomaly_cutoff), DeviceAnomaly, batch),
            "auditEntries": lambda: _purge_audit(audit_cutoff, batch),
        }
        for kind, delete_batch in kinds.items():
            counts[kind] += await _tenant_batches(tenant_id, delete_batch, batch)
    return dict(counts)


@handler(RETENTION_JOB)
async def run_retention(run: JobRun) -> None:
    """The retention slot's job: purge, and record how much went."""
    counts = await purge(get_settings(), datetime.now(UTC), keep_job=run.job_id)
    log.info("retention", extra=counts)
    await run.finish(counts)
