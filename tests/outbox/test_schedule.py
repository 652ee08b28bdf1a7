"""The worker's schedule: each task's slot is claimed by exactly one worker however many try at once, a restarted
worker finds the slots already run in the database, a claimed slot queues its jobs in the same transaction, and
an evaluation job that runs twice (a worker lost its lease) changes nothing the second time."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from config import Settings
from models.analytics import AlertKind, AlertMetric
from models.base import tenant_scope
from models.outbox import Job
from services.analytics.alerts import EVALUATE_JOB, queue_evaluations
from services.analytics.rules import RuleValues, create_rule
from services.outbox.queue import enqueue
from services.outbox.schedule import SCHEDULED_TASKS, claim_slot, run_scheduled, slot_of
from services.outbox.worker import run_pending
from tests.support.actors import Factory
from tests.support.analytics import beats
from tests.support.devices import make_tv


def _somewhen() -> datetime:
    """An instant of its own for each test (slots are global rows that outlive the test)."""
    return datetime(2040, 1, 1, tzinfo=UTC) + timedelta(days=random.randrange(100_000), seconds=30)


async def _forget_jobs(databases: list[asyncpg.Connection], slot: datetime) -> None:
    """Drop the system and evaluation jobs a test's slots queued, so no later test's run_pending runs them (in the
    central database and where the factory's synagogues live: each synagogue's jobs are in its database)."""
    for database in databases:
        await database.execute("DELETE FROM job WHERE payload->>'slot' = $1", slot.isoformat())


async def test_two_workers_at_once_never_claim_the_same_slot_and_a_restart_finds_it_taken(
    app: Any, settings: Settings, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    now = _somewhen()
    first, second = await asyncio.gather(run_scheduled(settings, {}, now=now), run_scheduled(settings, {}, now=now))
    assert sorted(first + second) == sorted(SCHEDULED_TASKS), (first, second)
    for task, spec in SCHEDULED_TASKS.items():
        slot = slot_of(now, getattr(settings, spec.interval_setting))
        count = await owner_db.fetchval("SELECT count(*) FROM scheduled_slot WHERE task = $1 AND slot = $2", task, slot)
        assert count == 1, task
    assert await run_scheduled(settings, {}, now=now + timedelta(seconds=5)) == [], "a restarted worker runs nothing"
    seen: dict[str, datetime] = {}
    later = now + timedelta(seconds=settings.alert_evaluation_seconds)
    assert "alerts.evaluate" in await run_scheduled(settings, seen, now=later)
    assert await run_scheduled(settings, seen, now=later) == []
    for each in (now, later):
        for spec in SCHEDULED_TASKS.values():
            await _forget_jobs([owner_db, tenant_db], slot_of(each, getattr(settings, spec.interval_setting)))


async def test_a_slot_whose_work_fails_is_not_claimed(app: Any, owner_db: asyncpg.Connection) -> None:
    slot = _somewhen()

    async def broken() -> None:
        await Job.create(tenant_id=None, kind="never.run", payload={"slot": slot.isoformat()}, run_after=slot)
        raise RuntimeError("the queueing failed")

    with pytest.raises(RuntimeError, match="queueing failed"):
        await claim_slot("test.task", slot, broken)
    claimed = "SELECT count(*) FROM scheduled_slot WHERE task = 'test.task' AND slot = $1"
    assert await owner_db.fetchval(claimed, slot) == 0
    assert await owner_db.fetchval("SELECT count(*) FROM job WHERE kind = 'never.run'") == 0
    assert await claim_slot("test.task", slot) is True
    assert await claim_slot("test.task", slot) is False


async def test_the_evaluation_slot_queues_a_job_per_synagogue_with_rules_and_running_it_twice_changes_nothing(
    factory: Factory, settings: Settings, tenant_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant()
    idle = await factory.tenant()  # no rules: no job
    tv = await make_tv(tenant)
    async with tenant_scope(tenant.id):
        hot = RuleValues("Hot", AlertKind.METRIC_ABOVE, 90, metric=AlertMetric.CPU, duration_minutes=2)
        rule, problems = await create_rule(hot)
        assert rule is not None, problems
    slot = slot_of(datetime.now(UTC) + timedelta(minutes=3), settings.alert_evaluation_seconds)
    await beats(tenant.id, tv.device.id, slot - timedelta(minutes=5), [(m, {"cpu": 99.0}) for m in range(5)])
    assert await claim_slot("alerts.evaluate", slot, lambda: _queue(settings, slot))
    jobs = await tenant_db.fetch(
        "SELECT tenant_id FROM job WHERE kind = $1 AND payload->>'slot' = $2", EVALUATE_JOB, slot.isoformat()
    )
    tenants = {row["tenant_id"] for row in jobs}
    assert tenant.id in tenants and idle.id not in tenants
    await enqueue(EVALUATE_JOB, {"slot": slot.isoformat()}, tenant_id=tenant.id)  # the same slot, run again
    await run_pending()
    results = await tenant_db.fetch(
        "SELECT status, result FROM job WHERE kind = $1 AND tenant_id = $2 AND payload->>'slot' = $3 ORDER BY id",
        EVALUATE_JOB,
        tenant.id,
        slot.isoformat(),
    )
    assert [(r["status"], r["result"]) for r in results] == [
        ("DONE", '{"opened": 1, "resolved": 0}'),
        ("DONE", '{"opened": 0, "resolved": 0}'),
    ]
    assert await tenant_db.fetchval("SELECT count(*) FROM alert WHERE tenant_id = $1", tenant.id) == 1


async def _queue(settings: Settings, slot: datetime) -> None:
    await queue_evaluations(settings, slot)
