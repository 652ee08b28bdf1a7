"""The job queue as requests and handlers see it: `enqueue` a job, read it back, run it as a `JobRun`.

A job row (`models.outbox.Job`, not tenant-scoped: see its docstring) is written by `enqueue` inside the caller's
transaction, in the database of the job's tenant, so it exists exactly when the request's writes do. Handlers
register with `@handler("kind")` in a module listed in `services.outbox.worker.HANDLER_MODULES`; the worker there
claims each due job and calls its handler with a `JobRun`. A handler that must not repeat its writes calls
`run.finish()` inside the same transaction as those writes, so that a crash after the commit cannot run it twice."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.queryset import QuerySet

from config import get_settings
from models.base import current_tenant_id, tenant_id_or_none, tenant_scope
from models.outbox import Job, JobStatus
from subscriptions.content import publish_content_changed
from subscriptions.events import publish, tenant_event
from subscriptions.jobs import publish_job_changed


def lease_seconds() -> int:
    """How long a claim (or a progress report) holds a job: the JOB_LEASE_SECONDS setting."""
    return get_settings().job_lease_seconds


class JobLost(RuntimeError):
    """The job's lease passed to another worker; this run's writes must not commit."""


@dataclass
class JobRun:
    """A claimed job as its handler sees it."""

    job_id: int
    tenant_id: int | None
    kind: str
    payload: dict[str, Any]
    attempt: int
    finished: bool = field(default=False)
    failed: bool = field(default=False)
    """Finished as FAILED by its handler (a permanent refusal)."""

    def scope(self) -> Any:
        """`tenant_scope` of the job's tenant: one transaction with row-level security set."""
        if self.tenant_id is None:
            raise RuntimeError(f"job {self.job_id} has no tenant")
        return tenant_scope(self.tenant_id)

    def mine(self) -> Any:
        """The job's row, matched only while this run still holds it (same attempt, still RUNNING)."""
        return Job.filter(id=self.job_id, attempts=self.attempt, status=JobStatus.RUNNING)

    async def update_mine(self, **values: Any) -> int:
        """Update the job's row (see `mine`) where its tenant lives, in the tenant's transaction (a savepoint of the
        caller's when it holds one), so that a move's fence and switch lock hold for the job's row too."""
        if self.tenant_id is None:
            return int(await self.mine().update(**values))
        async with tenant_scope(self.tenant_id):
            return int(await self.mine().update(**values))

    async def report(self, progress: int, total: int | None = None) -> None:
        """Record progress (visible at once to pollers) and extend the lease."""
        values: dict[str, Any] = {"progress": progress, "locked_until": _now() + timedelta(seconds=lease_seconds())}
        if total is not None:
            values["total"] = total
        if not await self.update_mine(**values):
            raise JobLost(f"job {self.job_id} was taken over")
        await announce_job(self.job_id, self.tenant_id)

    async def finish(self, result: dict[str, Any], errors: list[Any] | None = None, failed: bool = False) -> None:
        """Mark the job DONE (or FAILED) in the current transaction; raises `JobLost` if it is not ours."""
        status = JobStatus.FAILED if failed else JobStatus.DONE
        updated = await self.update_mine(
            status=status, result=result, errors=errors or [], locked_until=None, finished_at=_now()
        )
        if not updated:
            raise JobLost(f"job {self.job_id} was taken over")
        self.finished = True
        self.failed = failed


Handler = Callable[[JobRun], Awaitable[None]]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of `kind`."""

    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


Retrier = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
RETRIERS: dict[str, Retrier] = {}


def retrier(kind: str) -> Callable[[Retrier], Retrier]:
    """Register what an admin's retry of a FAILED job of `kind` must also do (in its transaction, in the job's
    tenant); it returns the job's payload for the new run."""

    def register(fn: Retrier) -> Retrier:
        RETRIERS[kind] = fn
        return fn

    return register


def _now() -> datetime:
    return datetime.now(UTC)


_wakeup: asyncio.Event | None = None
_broadcast: Any = None


def attach_worker(broadcast: Any, wakeup: asyncio.Event | None) -> None:
    """Route the process's job news through its running worker: `enqueue` sets `wakeup`, and progress and
    content changes go out on `broadcast`. The worker detaches with `attach_worker(None, None)`."""
    global _wakeup, _broadcast
    _broadcast = broadcast
    _wakeup = wakeup


async def notify_content_changed(tenant_id: int) -> None:
    """Tell the tenant's screens that a job changed its content (through the worker's broadcaster)."""
    if _broadcast is not None:
        await publish_content_changed(_broadcast, tenant_id)


async def announce_tenant_event(tenant_id: int, kind: str, device_id: int | None = None, **detail: Any) -> None:
    """An event on the synagogue's `tenantEvents` from a job (through the worker's broadcaster; after the job's
    transaction commits when the job holds its publications, see `subscriptions.events`)."""
    if _broadcast is not None:
        await tenant_event(_broadcast, tenant_id, kind, device_id, **detail)


async def worker_publish(channel: str, payload: dict[str, Any]) -> None:
    """Publish an event from a job (through the worker's broadcaster)."""
    if _broadcast is not None:
        await publish(_broadcast, channel, payload)


async def announce_job(job_id: int, tenant_id: int | None) -> None:
    """Tell `jobProgress` subscribers that the job changed (through the worker's broadcaster)."""
    if _broadcast is not None and tenant_id is not None:
        await publish_job_changed(_broadcast, tenant_id, job_id)


async def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    tenant_id: int | None = None,
    total: int = 0,
    delay_seconds: float = 0,
    max_attempts: int = 3,
    system: bool = False,
) -> Job:
    """Queue a job for the tenant in context (or `tenant_id`; none at all for a `system` job), in the caller's
    transaction; the row is written in the tenant's database (a system job's in the central one). For another
    tenant than the one in context the job is written inside that tenant's `tenant_scope` (a savepoint of the
    caller's transaction where the tenant lives beside it, else a transaction of its own there), so that a move's
    fence and switch lock hold for it as for the tenant's own writes."""
    tenant = None if system else tenant_id if tenant_id is not None else current_tenant_id()
    values: dict[str, Any] = {
        "kind": kind,
        "payload": payload,
        "total": total,
        "max_attempts": max_attempts,
        "run_after": _now() + timedelta(seconds=delay_seconds),
    }
    if tenant is None or tenant == tenant_id_or_none():
        job = await Job.create(tenant_id=tenant, **values)
    else:
        async with tenant_scope(tenant):
            job = await Job.create(tenant_id=tenant, **values)
    if _wakeup is not None:
        asyncio.get_running_loop().call_later(0.05, _wakeup.set)
    return job


def tenant_jobs(tenant_id: int | None, kinds: Collection[str] | None = None) -> QuerySet[Job]:
    """The jobs of `tenant_id` (none at all for None), only of `kinds` when given: the only road by which
    requests read jobs, since the job table has no tenant manager."""
    query = Job.filter(tenant_id=tenant_id, tenant_id__isnull=False)
    return query if kinds is None else query.filter(kind__in=list(kinds))


async def get_job(job_id: int, kind: str | None = None) -> Job | None:
    """A job of the tenant in context (None for another tenant's or a missing id)."""
    return await tenant_jobs(current_tenant_id(), None if kind is None else [kind]).filter(id=job_id).first()
