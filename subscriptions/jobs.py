"""Job progress: the worker announces a changed job on its tenant's jobs channel; `jobProgress`
streams re-read the job from the database when their job is announced.

An announcement carries only the job's id, so a stream always shows what the database holds; a lost
announcement is made good by the next one, by the job's end, or by a broker reconnect (`RESYNC`).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from subscriptions.channels import tenant_jobs
from subscriptions.events import is_resync, publish

T = TypeVar("T")


async def publish_job_changed(broadcast: Any, tenant_id: int, job_id: int) -> None:
    """Announce that a job of the tenant changed (progress, status); failures are logged, not raised."""
    await publish(broadcast, tenant_jobs(tenant_id), {"job": job_id})


async def job_stream(
    broadcast: Any,
    tenant_id: int,
    job_id: int,
    read: Callable[[], Awaitable[T | None]],
    key: Callable[[T], Any],
    finished: Callable[[T], bool],
) -> AsyncIterator[T]:
    """The job's state now, then again whenever it is announced and `key(state)` changed; ends
    after a finished state (or when the job is gone). The channel is subscribed before the first
    read, so a change in between is not missed."""
    async with broadcast.subscribe(channel=tenant_jobs(tenant_id)) as subscriber:
        state = await read()
        if state is None:
            return
        last = key(state)
        yield state
        if finished(state):
            return
        async for event in subscriber:
            if event is None:
                break
            if not is_resync(event.message):
                payload = json.loads(event.message)
                if not isinstance(payload, dict) or payload.get("job") != job_id:
                    continue
            state = await read()
            if state is None:
                return
            if key(state) == last:
                continue
            last = key(state)
            yield state
            if finished(state):
                return
