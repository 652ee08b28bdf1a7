"""The job worker: claim a due job with a lease, run its handler, record the result, retry.

Jobs are queued with `services.outbox.queue.enqueue`, and their handlers register there. A worker claims one due job
at a time with a lease (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL; on SQLite the single writer makes a plain
claim safe), runs its handler with the job's tenant in context, and records the result. A tenant's jobs live in its
database: the worker claims from the central one and from every placed one that holds synagogues, never a job of a
tenant that database does not serve now (fenced by a move) or that a move is switching (its switch lock, taken
shared by the claim); a job claimed before a move is finished where its tenant lives after it (the move copied the
job's row as it was). A job whose lease ran out while RUNNING belonged to a worker that died; it is claimed again
until `max_attempts`. A failed run is retried with doubling backoff; one abandoned at shutdown is given back without
counting as an attempt.

The worker imports the modules in `HANDLER_MODULES` to register their handlers. Its loop also runs the
periodic upkeep of `services.infra.periodic` and claims the slots of `services.outbox.schedule` between polls,
and keeps the queue's gauges of `services.outbox.metrics` current (jobs by kind and final state are counted in
`services.infra.metrics.JOBS`).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import itertools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q

from config import Settings
from models.base import tenant_context
from models.outbox import Job, JobStatus
from models.placement import routing
from models.placement.connection import NOT_HERE_SQLSTATE, enter_tenant, sqlstate_of
from models.placement.failures import TenantUnavailable
from models.placement.scope import database_transaction
from services.infra.cancellation import see_cancelled
from services.infra.metrics import JOBS
from services.infra.periodic import run_periodic
from services.outbox import metrics as queue_metrics
from services.outbox.queue import HANDLERS, JobLost, JobRun, announce_job, attach_worker, lease_seconds
from services.outbox.schedule import run_scheduled
from subscriptions.backend import make_broadcast
from subscriptions.events import deferred_publications

log = logging.getLogger("shulgraph.worker")

HANDLER_MODULES: list[str] = [
    "services.content.memorial_import",
    "services.outbox.mail",
    "services.webhooks.endpoints",
    "services.webhooks.admin",
    "services.content.yahrzeit_sweep",
    "services.outbox.messaging",
    "services.outbox.retention",
    "services.analytics.alerts",
    "services.analytics.anomalies",
    "services.content.media_cleanup",
    "services.devices.commands",
]
"""Modules whose import registers job handlers; a domain with background work adds its module."""

RETRY_BASE_SECONDS = 5


def load_handlers() -> None:
    for module in HANDLER_MODULES:
        importlib.import_module(module)


def _now() -> datetime:
    return datetime.now(UTC)


def _due(now: datetime) -> Q:
    return Q(status=JobStatus.PENDING, run_after__lte=now) | Q(status=JobStatus.RUNNING, locked_until__lt=now)


_turns = itertools.count()


async def claim() -> JobRun | None:
    """Take the next due job with a fresh lease, or None when nothing is due: from the central database and from
    each placed database that holds synagogues, starting from another one each time."""
    databases = [routing.SHARED, *routing.databases_in_use()]
    first = next(_turns) % len(databases)
    for database in databases[first:] + databases[:first]:
        try:
            run = await _claim_in(database)
        except TenantUnavailable as error:
            log.warning("jobs of a tenant database not claimed", extra={"database": database, "error": str(error)})
            continue
        if run is not None:
            return run
    return None


async def _serves(conn: Any, tenant_id: int) -> bool:
    """Whether this database serves the tenant now and may take its writes: not fenced (moved away, or not yet
    arrived), and not being switched by a move (the claim then holds the tenant's switch lock, shared)."""
    try:
        async with conn._in_transaction() as savepoint:
            return await enter_tenant(savepoint, tenant_id)
    except Exception as error:
        if sqlstate_of(error) == NOT_HERE_SQLSTATE:
            return False
        raise


async def _claim_in(database: str) -> JobRun | None:
    skipped: set[int] = set()
    while True:
        now = _now()
        async with database_transaction(database) as conn:
            query = Job.filter(_due(now)).order_by("run_after", "id").using_db(conn)
            if skipped:  # tenants this database does not serve now (NULL is a system job: never skipped)
                query = query.filter(Q(tenant_id__isnull=True) | ~Q(tenant_id__in=sorted(skipped)))
            if conn.capabilities.dialect == "postgres":
                query = query.select_for_update(skip_locked=True)
            job = await query.first()
            if job is None:
                return None
            if job.tenant_id is not None and not await _serves(conn, job.tenant_id):
                skipped.add(job.tenant_id)
                continue
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


def as_job_tenant(run: JobRun) -> Any:
    """The job's tenant in context: its rows, and the job's own row, are where the tenant lives now."""
    return contextlib.nullcontext() if run.tenant_id is None else tenant_context(run.tenant_id)


async def _failed(run: JobRun, error: BaseException) -> None:
    if run.tenant_id is None:
        await _record_failure(run, error)
        return
    async with run.scope():  # where the tenant lives, behind its fence and switch lock
        await _record_failure(run, error)


async def _record_failure(run: JobRun, error: BaseException) -> None:
    job = await Job.get(id=run.job_id)
    if job.attempts != run.attempt or job.status != JobStatus.RUNNING:
        return
    message = f"{type(error).__name__}: {error}"
    if job.attempts < job.max_attempts:
        delay = RETRY_BASE_SECONDS * 2 ** (job.attempts - 1)
        await Job.filter(id=job.id).update(
            status=JobStatus.PENDING, locked_until=None, run_after=_now() + timedelta(seconds=delay)
        )
        JOBS.labels(job.kind, "retrying").inc()
        log.warning("job failed; will retry", extra={"job": job.id, "kind": job.kind, "error": message})
    else:
        await Job.filter(id=job.id).update(
            status=JobStatus.FAILED, locked_until=None, finished_at=_now(), errors=[{"message": message}]
        )
        JOBS.labels(job.kind, "failed").inc()
        log.error("job failed", extra={"job": job.id, "kind": job.kind, "error": message})


async def execute(run: JobRun) -> None:
    """Run one claimed job's handler and record how it ended."""
    fn = HANDLERS.get(run.kind)
    try:
        if fn is None:
            raise LookupError(f"no handler for job kind {run.kind!r}")
        async with deferred_publications():  # the job's events go out once its work has committed, or never (W4)
            with as_job_tenant(run):
                await fn(run)
                if not run.finished:
                    await run.finish({})
        JOBS.labels(run.kind, "failed" if run.failed else "done").inc()  # a handler may give up (finish failed)
    except JobLost:
        JOBS.labels(run.kind, "lost").inc()
        log.warning("job lease lost", extra={"job": run.job_id})
    except asyncio.CancelledError:
        JOBS.labels(run.kind, "released").inc()
        await _release(run)
        raise
    except Exception as exc:
        await _failed(run, exc)


async def _release(run: JobRun) -> None:
    """Give back a job abandoned at shutdown (its writes rolled back), for another worker to run at once;
    the abandoned run does not count as an attempt."""
    with contextlib.suppress(Exception):
        await run.update_mine(
            status=JobStatus.PENDING, attempts=run.attempt - 1, locked_until=None, run_after=_now()
        )
        log.warning("job released at shutdown", extra={"job": run.job_id, "kind": run.kind})


async def run_pending(limit: int | None = None, stop: asyncio.Event | None = None) -> int:
    """Run due jobs until none is left (or `limit`, or `stop` is set); returns how many ran."""
    load_handlers()
    await routing.load_placements()  # the databases that hold synagogues now: where jobs are claimed
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
    load_handlers()
    own = None
    if broadcast is None:
        own = broadcast = make_broadcast(settings.redis_url)  # survives Redis restarts, keeps news while down
        await own.connect()
    wake = asyncio.Event()
    attach_worker(broadcast, wake)
    log.info("worker started")
    periodic_runs: dict[str, float] = {}
    slots_seen: dict[str, datetime] = {}
    try:
        while not stop.is_set():
            try:
                await run_scheduled(settings, slots_seen)
                await run_pending(stop=stop)
                await queue_metrics.refresh()
            except Exception:
                log.exception("worker loop error")
            await run_periodic(settings, periodic_runs)
            wake.clear()
            waits = {asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())}
            _, pending = await asyncio.wait(waits, timeout=poll_seconds, return_when=asyncio.FIRST_COMPLETED)
            for task in pending:
                task.cancel()
    finally:
        attach_worker(None, None)
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
        try:
            await asyncio.wait({task}, timeout=10)
        finally:
            if not task.done():
                task.cancel()
                see_cancelled(task)  # a cancellation dropped on the way (services.infra.cancellation) is sent again
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await task
