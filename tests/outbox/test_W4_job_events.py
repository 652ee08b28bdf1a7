"""W4 (security matrix) for the worker: what a job publishes goes out once its work has committed, and only if the
job succeeded. A job that fails after raising an event (and is retried) tells the screens nothing, and a job that
succeeds tells them once it is done, as an operation does."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import asyncpg

from services.outbox.queue import JobRun, attach_worker, enqueue, handler, notify_content_changed
from subscriptions.channels import tenant_content
from tests.support.actors import Factory
from tests.support.outbox import job_row, run_due

FAILS, WORKS = "test_w4_fails_after_its_event", "test_w4_works"


@handler(FAILS)
async def _fails(run: JobRun) -> None:
    assert run.tenant_id is not None
    await notify_content_changed(run.tenant_id)
    raise RuntimeError("the job fails after raising its event")


@handler(WORKS)
async def _works(run: JobRun) -> None:
    assert run.tenant_id is not None
    await notify_content_changed(run.tenant_id)


async def _events(subscriber: Any, quiet_seconds: float = 0.5) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    iterator = subscriber.__aiter__()
    while True:
        try:
            event = await asyncio.wait_for(iterator.__anext__(), timeout=quiet_seconds)
        except TimeoutError:
            return found
        found.append(json.loads(event.message))


async def test_W4_a_failed_job_tells_no_screen_and_a_finished_one_tells_them_once(
    app: Any, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant()
    broadcast = app.state.broadcast
    attach_worker(broadcast, None)
    try:
        async with broadcast.subscribe(channel=tenant_content(tenant.id)) as subscriber:
            failing = await enqueue(FAILS, {}, tenant_id=tenant.id, max_attempts=1)
            await run_due(owner_db, failing.id)
            assert (await job_row(owner_db, failing.id))["status"] == "FAILED"
            assert await _events(subscriber) == []
            working = await enqueue(WORKS, {}, tenant_id=tenant.id)
            await run_due(owner_db, working.id)
            assert (await job_row(owner_db, working.id))["status"] == "DONE"
            assert await _events(subscriber) == [{"tenant": tenant.id}]
    finally:
        attach_worker(None, None)
