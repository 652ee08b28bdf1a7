"""Background jobs: enqueue in the request's transaction, claim with a lease, run, retry.

A job row (`models.jobs.Job`, not tenant-scoped: see its docstring) is written by `enqueue` inside
the caller's transaction, so it exists exactly when the request's writes do. A worker claims one due
job at a time with a lease (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the single
writer makes a plain claim safe), runs its handler with the job's tenant in context, and records the
result. A job whose lease ran out while RUNNING belonged to a worker that died; it is claimed again
until `max_attempts`. A handler that must not repeat its writes calls `run.finish()` inside the same
transaction as those writes, so that a crash after the commit cannot run it twice.

Handlers register with `@handler("kind")` in a module listed in `HANDLER_MODULES`. The worker loop also
runs the periodic upkeep of `services.periodic` between polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from config import Settings, get_settings
from models.base import current_tenant_id, tenant_context, tenant_scope
from models.jobs import Job, JobStatus
from services.periodic import PERIODIC_TASKS as PERIODIC_TASKS  # periodic upkeep lives in services.periodic
from services.periodic import run_periodic

log = logging.getLogger("shulgraph.worker")

HANDLER_MODULES: list[str] = [
    "services.memorial_import",
    "services.mail",
    "services.webhooks",
    "services.yahrzeit_reminders",
]
"""Modules whose import registers job handlers; a domain with background work adds its module."""

RETRY_BASE_SECONDS = 5


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

    def scope(self) -> Any:
        """`tenant_scope` of the job's tenant: one transaction with row-level security set."""
        if self.tenant_id is None:
            raise RuntimeError(f"job {self.job_id} has no tenant")
        return tenant_scope(self.tenant_id)

    def _mine(self) -> Any:
        return Job.filter(id=self.job_id, attempts=self.attempt, status=JobStatus.RUNNING)

    async def report(self, progress: int, total: int | None = None) -> None:
        """Record progress (visible at once to pollers) and extend the lease."""
        values: dict[str, Any] = {"progress": progress, "locked_until": _now() + timedelta(seconds=lease_seconds())}
        if total is not None:
            values["total"] = total
        if not await self._mine().update(**values):
            raise JobLost(f"job {self.job_id} was taken over")
        await announce_job(self.job_id, self.tenant_id)

    async def finish(self, result: dict[str, Any], errors: list[Any] | None = None, failed: bool = False) -> None:
        """Mark the job DONE (or FAILED) in the current transaction; raises `JobLost` if it is not ours."""
        status = JobStatus.FAILED if failed else JobStatus.DONE
        updated = await self._mine().update(
            status=status, result=result, errors=errors or [], locked_until=None, finished_at=_now()
        )
        if not updated:
            raise JobLost(f"job {self.job_id} was taken over")
        self.finished = True


Handler = Callable[[JobRun], Awaitable[None]]
HANDLERS: dict[str, Handler] = {}


def handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the function that runs jobs of `kind`."""

    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


def load_handlers() -> None:
    for module in HANDLER_MODULES:
        importlib.import_module(module)


def _now() -> datetime:
    return datetime.now(UTC)


_wakeup: asyncio.Event | None = None
_broadcast: Any = None


async def notify_content_changed(tenant_id: int) -> None:
    """Tell the tenant's screens that a job changed its content (through the worker's broadcaster)."""
    if _broadcast is not None:
        from subscriptions.content import publish_content_changed

        await publish_content_changed(_broadcast, tenant_id)


async def announce_job(job_id: int, tenant_id: int | None) -> None:
    """Tell `jobProgress` subscribers that the job changed (through the worker's broadcaster)."""
    if _broadcast is not None and tenant_id is not None:
        from subscriptions.jobs import publish_job_changed

        await publish_job_changed(_broadcast, tenant_id, job_id)


async def enqueue(
    kind: str,
    payload: dict[str, Any],
    *,
    tenant_id: int | None = None,
    total: int = 0,
    delay_seconds: float = 0,
    max_attempts: int = 3,
) -> Job:
    """Queue a job for the tenant in context (or `tenant_id`), in the caller's transaction."""
    job = await Job.create(
        tenant_id=tenant_id if tenant_id is not None else current_tenant_id(),
        kind=kind,
        payload=payload,
        total=total,
        max_attempts=max_attempts,
        run_after=_now() + timedelta(seconds=delay_seconds),
    )
    if _wakeup is not None:
        asyncio.get_running_loop().call_later(0.05, _wakeup.set)
    return job


async def get_job(job_id: int, kind: str | None = None) -> Job | None:
    """A job of the tenant in context (None for another tenant's or a missing id)."""
    query = Job.filter(id=job_id, tenant_id=current_tenant_id())
    if kind is not None:
        query = query.filter(kind=kind)
    return await query.first()


def _due(now: datetime) -> Q:
    return Q(status=JobStatus.PENDING, run_after__lte=now) | Q(status=JobStatus.RUNNING, locked_until__lt=now)


async def claim() -> JobRun | None:
    """Take the next due job with a fresh lease, or None when nothing is due."""
    while True:
        now = _now()
        async with in_transaction() as conn:
            query = Job.filter(_due(now)).order_by("run_after", "id").using_db(conn)
            if conn.capabilities.dialect == "postgres":
                query = query.select_for_update(skip_locked=True)
            job = await query.first()
            if job is None:
                return None
            if job.attempts >= job.max_attempts:
                job.status = JobStatus.FAILED
                job.errors = [*job.errors, {"message": "gave up after the worker was lost"}]
                job.finished_at = now
                job.locked_until = None
                await job.save(using_db=conn)
                log.error("job abandoned", extra={"job": job.id, "kind": job.kind})
                continue
            job.status = JobStatus.RUNNING
            job.attempts += 1
            job.locked_until = now + timedelta(seconds=lease_seconds())
            await job.save(using_db=conn)
            return JobRun(job.id, job.tenant_id, job.kind, job.payload, job.attempts)


async def _failed(run: JobRun, error: BaseException) -> None:
    job = await Job.get(id=run.job_id)
    if job.attempts != run.attempt or job.status != JobStatus.RUNNING:
        return
    message = f"{type(error).__name__}: {error}"
    if job.attempts < job.max_attempts:
        delay = RETRY_BASE_SECONDS * 2 ** (job.attempts - 1)
        await Job.filter(id=job.id).update(
            status=JobStatus.PENDING, locked_until=None, run_after=_now() + timedelta(seconds=delay)
        )
        log.warning("job failed; will retry", extra={"job": job.id, "kind": job.kind, "error": message})
    else:
        await Job.filter(id=job.id).update(
            status=JobStatus.FAILED, locked_until=None, finished_at=_now(), errors=[{"message": message}]
        )
        log.error("job failed", extra={"job": job.id, "kind": job.kind, "error": message})


async def execute(run: JobRun) -> None:
    """Run one claimed job's handler and record how it ended."""
    fn = HANDLERS.get(run.kind)
    try:
        if fn is None:
            raise LookupError(f"no handler for job kind {run.kind!r}")
        if run.tenant_id is None:
            await fn(run)
        else:
            with tenant_context(run.tenant_id):
                await fn(run)
        if not run.finished:
            await run.finish({})
    except JobLost:
        log.warning("job lease lost", extra={"job": run.job_id})
    except asyncio.CancelledError:
        await _release(run)
        raise
    except Exception as exc:
        await _failed(run, exc)


async def _release(run: JobRun) -> None:
    """Give back a job abandoned at shutdown (its writes rolled back), for another worker to run at once;
    the abandoned run does not count as an attempt."""
    with contextlib.suppress(Exception):
        await run._mine().update(
            status=JobStatus.PENDING, attempts=run.attempt - 1, locked_until=None, run_after=_now()
        )
        log.warning("job released at shutdown", extra={"job": run.job_id, "kind": run.kind})


async def run_pending(limit: int | None = None, stop: asyncio.Event | None = None) -> int:
    """Run due jobs until none is left (or `limit`, or `stop` is set); returns how many ran."""
    load_handlers()
    count = 0
    while (limit is None or count < limit) and not (stop is not None and stop.is_set()):
        run = await claim()
        if run is None:
            break
        await execute(run)
        await announce_job(run.job_id, run.tenant_id)
        count += 1
    return count


async def run_worker(settings: Settings, stop: asyncio.Event, poll_seconds: float = 1.0, broadcast: Any = None) -> None:
    """Poll for due jobs until `stop` is set; a job interrupted by a crash is retried later.

    `broadcast` is the app's broadcaster when the worker runs inside the API process; a separate
    worker process connects its own (Redis, or in-memory in the embedded mode).
    """
    global _wakeup, _broadcast
    load_handlers()
    own = None
    if broadcast is None:
        from broadcaster import Broadcast

        own = broadcast = Broadcast(settings.redis_url or "memory://")
        await own.connect()
    _broadcast = broadcast
    wake = _wakeup = asyncio.Event()
    log.info("worker started")
    periodic_runs: dict[str, float] = {}
    try:
        while not stop.is_set():
            try:
                await run_pending(stop=stop)
            except Exception:
                log.exception("worker loop error")
            await run_periodic(settings, periodic_runs)
            wake.clear()
            waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())}
            _, pending = await asyncio.wait(waits, timeout=poll_seconds, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
    finally:
        _wakeup = None
        _broadcast = None
        if own is not None:
            with contextlib.suppress(Exception):
                await own.disconnect()
    log.info("worker stopping")


@asynccontextmanager
async def in_process_worker(
    settings: Settings, broadcast: Any = None, poll_seconds: float = 1.0
) -> AsyncIterator[asyncio.Task[None]]:
    """Run the worker inside the API process (the embedded mode) for the life of the block."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_worker(settings, stop, poll_seconds, broadcast))
    try:
        yield task
    finally:
        stop.set()
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=10)
