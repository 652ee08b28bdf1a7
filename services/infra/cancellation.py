"""Cancelling a task so that it ends.

Python 3.11's `asyncio.wait_for` drops a cancellation that arrives just as the future it waits on
completes, and the cancelled task carries on as if nothing happened. redis-py writes every command
through `wait_for` when a socket timeout is set, so a websocket operation cancelled (the socket closed,
the client sent `complete`) while it spoke to Redis may live on: subscribed, holding its stream, never
ending; so may the worker at shutdown. `see_cancelled` watches a task that was cancelled and cancels it
again while it keeps running.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

log = logging.getLogger("shulgraph.tasks")

GRACE_SECONDS = 1.0
"""How long a cancelled task may take to run its clean-up before it is cancelled once more."""

ATTEMPTS = 30
"""Cancellations sent after the first before the task is reported as unstoppable."""

_watchers: set[asyncio.Task[None]] = set()


def see_cancelled(task: asyncio.Task[Any], grace_seconds: float = GRACE_SECONDS) -> None:
    """`task` was cancelled: cancel it again every `grace_seconds` for as long as it keeps running."""
    if task.done():
        return
    watcher = asyncio.create_task(_insist(task, grace_seconds), name=f"see-cancelled:{task.get_name()}")
    _watchers.add(watcher)
    watcher.add_done_callback(_watchers.discard)


async def _insist(task: asyncio.Task[Any], grace_seconds: float) -> None:
    for _ in range(ATTEMPTS):
        await asyncio.wait({task}, timeout=grace_seconds)
        if task.done():
            return
        log.warning("a cancelled task is still running; cancelling it again", extra={"task": task.get_name()})
        task.cancel()
    log.error("a task ignores its cancellation", extra={"task": task.get_name()})


async def cancel_and_wait(task: asyncio.Task[Any], grace_seconds: float = GRACE_SECONDS) -> None:
    """Cancel `task` and wait until it has ended (cancelling it again if a cancellation was dropped); its
    outcome, a failure included, is not raised: this is for background tasks stopped at shutdown."""
    if task.done():
        return
    task.cancel()
    see_cancelled(task, grace_seconds)
    await asyncio.wait({task})
