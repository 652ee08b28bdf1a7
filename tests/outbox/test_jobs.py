"""The job framework: tenant of the job, leases, retry after a crashed worker, giving up."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest

from models.base import current_tenant_id, tenant_scope
from models.outbox import Job, JobStatus
from services.outbox import queue as job_queue
from services.outbox import worker as jobs
from tests.support.actors import Factory
from tests.support.waiting import wait_until

seen: list[Any] = []


@job_queue.handler("test_record")
async def _record(run: job_queue.JobRun) -> None:
    seen.append((run.job_id, current_tenant_id(), run.attempt, run.payload))


@job_queue.handler("test_explode")
async def _explode(run: job_queue.JobRun) -> None:
    raise RuntimeError("boom")


async def _enqueue(tenant_id: int, kind: str, **payload: Any) -> Job:
    async with tenant_scope(tenant_id):
        return await job_queue.enqueue(kind, payload, max_attempts=2)


async def test_job_runs_in_its_tenant(factory: Factory) -> None:
    a, b = await factory.tenant(), await factory.tenant()
    job_a = await _enqueue(a.id, "test_record", n=1)
    job_b = await _enqueue(b.id, "test_record", n=2)
    await jobs.run_pending()
    assert (job_a.id, a.id, 1, {"n": 1}) in seen and (job_b.id, b.id, 1, {"n": 2}) in seen
    assert (await Job.get(id=job_a.id)).status == JobStatus.DONE


async def test_job_of_a_crashed_worker_is_claimed_again(factory: Factory) -> None:
    tenant = await factory.tenant()
    job = await _enqueue(tenant.id, "test_record", crash=True)
    run = await jobs.claim()
    while run is not None and run.job_id != job.id:
        await jobs.execute(run)
        run = await jobs.claim()
    assert run is not None and run.attempt == 1
    # The worker holding `run` dies here; once its lease has passed another worker takes the job over.
    await Job.filter(id=job.id).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
    await jobs.run_pending()
    assert (job.id, tenant.id, 2, {"crash": True}) in seen
    assert (await Job.get(id=job.id)).status == JobStatus.DONE
    with pytest.raises(job_queue.JobLost):
        await run.report(1)


async def test_failing_job_is_retried_then_failed(factory: Factory) -> None:
    tenant = await factory.tenant()
    job = await _enqueue(tenant.id, "test_explode")
    await jobs.run_pending()
    first = await Job.get(id=job.id)
    assert (first.status, first.attempts) == (JobStatus.PENDING, 1) and first.run_after > datetime.now(UTC)
    await Job.filter(id=job.id).update(run_after=datetime.now(UTC))
    await jobs.run_pending()
    final = await Job.get(id=job.id)
    assert (final.status, final.attempts) == (JobStatus.FAILED, 2)
    assert final.errors == [{"message": "RuntimeError: boom"}]


@job_queue.handler("test_hang")
async def _hang(run: job_queue.JobRun) -> None:
    seen.append((run.job_id, "started", run.attempt))
    await asyncio.Event().wait()


async def test_job_released_at_shutdown_gives_its_attempt_back(factory: Factory) -> None:
    tenant = await factory.tenant()
    job = await _enqueue(tenant.id, "test_hang")
    try:
        await _shut_down_three_times(job)
    finally:  # other tests run every due job: this one must not be left to hang them
        await Job.filter(id=job.id).update(status=JobStatus.DONE)


def _started(job_id: int, times: int) -> bool:
    return seen.count((job_id, "started", 1)) >= times


async def _shut_down_three_times(job: Job) -> None:
    for attempt in (1, 2, 3):  # more shutdowns than max_attempts: none of them is a failed attempt
        run = await jobs.claim()
        while run is not None and run.job_id != job.id:
            await jobs.execute(run)
            run = await jobs.claim()
        assert run is not None and run.attempt == 1
        task = asyncio.create_task(jobs.execute(run))
        await wait_until(partial(_started, job.id, attempt), "the job started", every=0.01)
        task.cancel()  # the worker is stopping and cannot wait for the job
        with pytest.raises(asyncio.CancelledError):
            await task
        released = await Job.get(id=job.id)
        assert (released.status, released.attempts, released.locked_until) == (JobStatus.PENDING, 0, None), attempt
