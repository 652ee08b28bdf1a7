"""Security matrix row R1 for `main.py worker`: SIGTERM finishes the job in hand (its import waits on a table lock).
The synagogue's rows and jobs are read, and locked, where they live (`tenant_db`: its own database in the placed
pass)."""

from __future__ import annotations

import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from models.identity import Role
from services.infra.ids import from_global_id
from services.outbox import worker as jobs
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL
from tests.support.placement import default_database, owner_url
from tests.support.processes import DEADLINE, blocked_on_locks, start
from tests.support.waiting import wait_until

IMPORT = """mutation($input: ImportMemorialsInput!) { importMemorials(input: $input) {
    jobId userErrors { field code message } } }"""
CSV = "name,hebrew_day,hebrew_month,hebrew_year\nMoshe Cohen,10,Sh'vat,5770\nRivka Katz,1,Nisan,5760\n"


async def _import(gql: GQL, editor: Actor) -> int:
    result = await gql(IMPORT, {"input": {"csv": CSV, "allOrNothing": False}}, actor=editor)
    assert result["data"]["importMemorials"]["userErrors"] == [], result
    parsed = from_global_id(result["data"]["importMemorials"]["jobId"])
    assert parsed is not None
    return int(parsed[1])


async def _job(owner: asyncpg.Connection, job_id: int) -> asyncpg.Record:
    return await owner.fetchrow("SELECT status, attempts, locked_until, result FROM job WHERE id = $1", job_id)


@pytest.fixture
async def memorial_lock(app: Any) -> AsyncIterator[asyncpg.Connection]:
    """Due jobs of earlier tests are run first; then a transaction holds SHARE on the memorial table, so
    that an import waits inside PostgreSQL to insert until the connection closes."""
    await jobs.run_pending()
    locker = await asyncpg.connect(owner_url(default_database()))
    transaction = locker.transaction()
    await transaction.start()
    await locker.execute("LOCK TABLE content_memorial IN SHARE MODE")
    try:
        yield locker
    finally:
        if not locker.is_closed():
            await transaction.rollback()
            await locker.close()
        await jobs.run_pending()


async def _worker_holds(owner: asyncpg.Connection, job_id: int) -> bool:
    job = await _job(owner, job_id)
    return bool(job["status"] == "RUNNING" and await blocked_on_locks(owner, "content_memorial") >= 1)


async def test_R1_worker_sigterm_finishes_the_job_in_hand_and_claims_no_more(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, memorial_lock: asyncpg.Connection, tmp_path: Path
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    first = await _import(gql, editor)
    worker = start(tmp_path, "worker", worker_shutdown_timeout_seconds="300")
    try:
        await wait_until(lambda: _worker_holds(tenant_db, first), "the worker runs the first import", timeout=DEADLINE)
        second = await _import(gql, editor)
        worker.popen.send_signal(signal.SIGTERM)
        await wait_until(lambda: "worker draining" in worker.log(), "the worker heard SIGTERM", timeout=DEADLINE)
        assert worker.popen.poll() is None
        await memorial_lock.close()  # the lock goes: the job in hand finishes
        assert await worker.exit_status() == 0, worker.log()
    finally:
        worker.kill()
    done = await _job(tenant_db, first)
    assert done["status"] == "DONE", worker.log()
    names = await tenant_db.fetch("SELECT name FROM content_memorial WHERE tenant_id = $1", editor.tenant.id)
    assert sorted(row["name"] for row in names) == ["Moshe Cohen", "Rivka Katz"]
    untouched = await _job(tenant_db, second)
    assert (untouched["status"], untouched["attempts"]) == ("PENDING", 0)
    assert "Traceback" not in worker.log(), worker.log()


async def test_R1_worker_sigterm_releases_a_job_that_outlives_the_timeout(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, memorial_lock: asyncpg.Connection, tmp_path: Path
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    job_id = await _import(gql, editor)
    worker = start(tmp_path, "worker", worker_shutdown_timeout_seconds="1")
    try:
        await wait_until(lambda: _worker_holds(tenant_db, job_id), "the worker runs the import", timeout=DEADLINE)
        worker.popen.send_signal(signal.SIGTERM)
        assert await worker.exit_status() == 0, worker.log()  # the table is still locked
    finally:
        worker.kill()
    released = await _job(tenant_db, job_id)
    assert (released["status"], released["locked_until"]) == ("PENDING", None), worker.log()
    await memorial_lock.close()
    assert await tenant_db.fetchval("SELECT count(*) FROM content_memorial WHERE tenant_id = $1", editor.tenant.id) == 0

    await jobs.run_pending()  # another worker takes the released job at once
    assert (await _job(tenant_db, job_id))["status"] == "DONE"
    assert await tenant_db.fetchval("SELECT count(*) FROM content_memorial WHERE tenant_id = $1", editor.tenant.id) == 2
