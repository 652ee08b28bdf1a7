"""Periodic upkeep the worker runs beside the job queue: at start, then once per interval.

`PERIODIC_TASKS` maps "module:function" (an async function called with the settings) to the name of
the setting that holds its interval in seconds. Tasks must be safe to run on several workers at once:
each worker keeps its own clock (`last_run`), so with N workers a task runs up to N times an interval.
"""

from __future__ import annotations

import importlib
import logging
import time

from config import Settings

log = logging.getLogger("shulgraph.worker")

PERIODIC_TASKS: dict[str, str] = {
    "services.identity.sessions:delete_ended_sessions": "session_cleanup_interval_seconds",
}
"""Upkeep the worker runs at start and then every `<setting>` seconds: "module:function" (called with
the settings) -> the name of the interval setting. Tasks must be safe to run on several workers at once."""


async def run_periodic(settings: Settings, last_run: dict[str, float]) -> int:
    """Run the `PERIODIC_TASKS` that are due (`last_run`: task -> monotonic time of its last run);
    returns how many ran. A failing task is logged and tried again at its next turn."""
    now = time.monotonic()
    ran = 0
    for target, interval_setting in PERIODIC_TASKS.items():
        if target in last_run and now - last_run[target] < float(getattr(settings, interval_setting)):
            continue
        last_run[target] = now
        module, _, name = target.partition(":")
        try:
            await getattr(importlib.import_module(module), name)(settings)
        except Exception:
            log.exception("periodic task failed", extra={"task": target})
        ran += 1
    return ran
