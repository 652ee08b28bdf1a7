"""The worker's jobs on Prometheus: how many are due (queue depth), how long the oldest due one has waited, and
failures by kind. `main.py worker` serves them on `/metrics` at `WORKER_METRICS_PORT` (prometheus-client's own
HTTP server); in the embedded mode the API process runs the worker and its `/metrics` shows them.

The two gauges are read from the job table by the worker at most every `REFRESH_SECONDS` (`refresh`), so a
scrape never queries the database.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter, Gauge, start_http_server
from tortoise.functions import Count, Min

from models.outbox import Job, JobStatus

REFRESH_SECONDS = 15.0

QUEUE_DEPTH = Gauge("shulgraph_jobs_due", "Jobs due now (PENDING with run_after passed), all synagogues")
OLDEST_DUE_AGE = Gauge("shulgraph_jobs_oldest_due_age_seconds", "How long the oldest due job has waited (0: none)")
FAILURES = Counter(
    "shulgraph_job_failures_total",
    "Failed job runs by kind; outcome=retry when the job will run again, failed when it gave up",
    ["kind", "outcome"],
)
_last_refresh = [0.0]


def count_failure(kind: str, final: bool) -> None:
    FAILURES.labels(kind=kind, outcome="failed" if final else "retry").inc()


async def refresh(force: bool = False) -> None:
    """Read the queue's depth and its oldest due job into the gauges (at most every `REFRESH_SECONDS`)."""
    now_mono = time.monotonic()
    if not force and now_mono - _last_refresh[0] < REFRESH_SECONDS:
        return
    _last_refresh[0] = now_mono
    now = datetime.now(UTC)
    row = (
        await Job.filter(status=JobStatus.PENDING, run_after__lte=now)
        .annotate(due=Count("id"), oldest=Min("run_after"))
        .values("due", "oldest")
    )
    due = int(row[0]["due"] or 0) if row else 0
    oldest = row[0]["oldest"] if row else None
    QUEUE_DEPTH.set(due)
    OLDEST_DUE_AGE.set(max(0.0, (now - oldest).total_seconds()) if isinstance(oldest, datetime) else 0.0)


def serve_metrics(port: int, host: str) -> Any:
    """Serve this process's metrics on `host`:`port` (the `HOST` and `WORKER_METRICS_PORT` settings) in a thread;
    returns the server (`shutdown()` stops it), or None for port 0 (not served)."""
    if not port:
        return None
    server, _ = start_http_server(port, addr=host)
    return server
