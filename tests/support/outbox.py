"""The outbox as tests drive it: an e-mail queued in a tenant's transaction, a job's row as the worker left it,
and every due job run now (a retry's backoff made to have passed), without waiting for the worker's clock."""

from __future__ import annotations

from typing import Any

import asyncpg

from models.base import tenant_scope
from models.outbox import Job
from services.outbox.mail import enqueue_email
from services.outbox.worker import run_pending


async def queue_email(tenant_id: int, to: str, subject: str = "Shalom", body: str = "Hello") -> Job:
    async with tenant_scope(tenant_id):
        return await enqueue_email(to, subject, body)


async def job_row(owner_db: asyncpg.Connection, job_id: int) -> dict[str, Any]:
    row = await owner_db.fetchrow("SELECT status, attempts, result, errors, run_after FROM job WHERE id = $1", job_id)
    assert row is not None
    return dict(row)


async def run_due(owner_db: asyncpg.Connection, *job_ids: int) -> None:
    """Make the given jobs due now (the backoff has passed) and run everything due."""
    if job_ids:
        await owner_db.execute("UPDATE job SET run_after = now() WHERE id = ANY($1::int[])", list(job_ids))
    await run_pending()
