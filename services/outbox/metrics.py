"""The job queue on `/metrics`: how many jobs are due (queue depth) and how long the oldest due one has waited,
beside the count of finished jobs by kind and state (`services.infra.metrics.JOBS`: done, failed, retrying, lost,
released, which holds the failures by kind). Defined through `services.infra.metrics`, so that with a shared
`PROMETHEUS_MULTIPROC_DIR` the worker's values are on every API process's `/metrics` (the cluster's layout); in
the embedded mode the API process runs the worker itself.

The worker reads the two gauges from the job table at most every `REFRESH_SECONDS` (`refresh`), so a scrape never
queries the database. Both are global (every synagogue's jobs, in the central database and in every placed one that
holds synagogues): with several workers the most recent reading wins.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from tortoise.functions import Count, Min

from models.outbox import Job, JobStatus
from models.placement import routing
from models.placement.failures import TenantUnavailable
from models.placement.scope import database_transaction
from services.infra.metrics import gauge

log = logging.getLogger("shulgraph.worker")

REFRESH_SECONDS = 15.0

QUEUE_DEPTH = gauge(
    "shulgraph_jobs_due", "Jobs due now (PENDING with run_after passed), all synagogues", mode="mostrecent"
)
OLDEST_DUE_AGE = gauge(
    "shulgraph_jobs_oldest_due_age_seconds", "How long the oldest due job has waited (0: none)", mode="mostrecent"
)
_last_refresh = [0.0]


async def refresh(force: bool = False) -> None:
    """Read the queue's depth and its oldest due job into the gauges (at most every `REFRESH_SECONDS`)."""
    now_mono = time.monotonic()
    if not force and now_mono - _last_refresh[0] < REFRESH_SECONDS:
        return
    _last_refresh[0] = now_mono
    now = datetime.now(UTC)
    due, oldest = 0, None
    for database in (routing.SHARED, *routing.databases_in_use()):  # a placed synagogue's jobs are in its database
        try:
            async with database_transaction(database) as connection:
                row = (
                    await Job.filter(status=JobStatus.PENDING, run_after__lte=now)
                    .using_db(connection)
                    .annotate(due=Count("id"), oldest=Min("run_after"))
                    .values("due", "oldest")
                )
        except TenantUnavailable:  # counted again at the next refresh; its synagogues' jobs wait there meanwhile
            log.warning("the queue of a tenant database not counted", extra={"database": database})
            continue
        due += int(row[0]["due"] or 0) if row else 0
        found = row[0]["oldest"] if row else None
        if isinstance(found, datetime) and (oldest is None or found < oldest):
            oldest = found
    QUEUE_DEPTH.set(due)
    OLDEST_DUE_AGE.set(max(0.0, (now - oldest).total_seconds()) if isinstance(oldest, datetime) else 0.0)
