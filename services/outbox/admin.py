"""The outbox as an admin runs it: the synagogue's jobs listed with filters, and a FAILED job retried (run
again from its first attempt, as if new) or discarded (deleted; the audit entry the resolver writes keeps what
it was). A kind whose retry must also reopen something (a webhook delivery) registers a `retrier`."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.queryset import QuerySet

from models.outbox import Job, JobStatus
from services.infra.problems import Problem
from services.outbox.queue import RETRIERS, tenant_jobs
from services.outbox.worker import load_handlers

NOT_FAILED = Problem("id", "CONFLICT", "only a FAILED job can be retried or discarded")


def jobs(tenant_id: int | None, status: JobStatus | None = None, kind: str | None = None) -> QuerySet[Job]:
    """The synagogue's jobs of every kind, newest first, narrowed by what is given."""
    query = tenant_jobs(tenant_id)
    if status is not None:
        query = query.filter(status=status)
    if kind:
        query = query.filter(kind=kind)
    return query.order_by("-id")


async def retry_job(job: Job) -> list[Problem]:
    """Queue a FAILED job again, due now, with its attempts from zero and its errors cleared."""
    if job.status != JobStatus.FAILED:
        return [NOT_FAILED]
    load_handlers()  # the retriers register with the handlers
    payload = job.payload
    reopen = RETRIERS.get(job.kind)
    if reopen is not None:
        payload = await reopen(payload)
    updated = await Job.filter(id=job.id, status=JobStatus.FAILED).update(
        status=JobStatus.PENDING,
        attempts=0,
        errors=[],
        result={},
        payload=payload,
        run_after=datetime.now(UTC),
        locked_until=None,
        finished_at=None,
    )
    if not updated:
        return [NOT_FAILED]
    await job.refresh_from_db()
    return []


async def discard_job(job: Job) -> list[Problem]:
    """Delete a FAILED job (it will never run again)."""
    if job.status != JobStatus.FAILED:
        return [NOT_FAILED]
    deleted = await Job.filter(id=job.id, status=JobStatus.FAILED).delete()
    return [] if deleted else [NOT_FAILED]
