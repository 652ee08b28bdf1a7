"""Job progress: the worker announces a changed job on its tenant's jobs channel; `jobProgress`
streams re-read the job from the database when their job is announced.

An announcement carries only the job's id, so a stream always shows what the database holds; a lost
announcement is made good by the next one, by a broker reconnect (`RESYNC`), or by the re-read a
stream makes when it has heard nothing for `RECHECK_SECONDS`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from broadcaster._base import Unsubscribed

from subscriptions.channels import tenant_jobs
from subscriptions.events import is_resync, publish

T = TypeVar("T")
RECHECK_SECONDS = 5.0


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
    recheck_seconds: float = RECHECK_SECONDS,
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
        while True:
            try:
                event = await asyncio.wait_for(subscriber.get(), timeout=recheck_seconds)
            except TimeoutError:
                event = None
            except Unsubscribed:
                break
            if event is not None and not is_resync(event.message):
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
