"""R6: a worker dies while delivering webhooks or e-mail. Real `main.py worker` processes against the
test database, a real SMTP server and a real HTTP receiver that take the message and then hang: the
worker is SIGKILLed there, the next worker sends the message again once the lease has expired, every
copy carries the same delivery id, nothing is lost, and the job ends DONE once. A delivery that
succeeded is not sent again by a later worker. Jobs and deliveries are read where the synagogue's rows live
(`tenant_db`: its own database in the placed pass)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from config import ROOT
from models.base import tenant_scope
from models.webhooks import WebhookEvent
from services.webhooks.endpoints import create_endpoint, emit
from tests.support.actors import Factory
from tests.support.outbox import job_row, queue_email
from tests.support.receivers import smtp_server, webhook_receiver
from tests.support.waiting import wait_until
from tests.support.webhooks import deliveries, verify_signature

LEASE_SECONDS = 2


def worker_env(**settings: str) -> dict[str, str]:
    return {
        **os.environ,
        "JOB_LEASE_SECONDS": str(LEASE_SECONDS),
        "SMTP_TIMEOUT_SECONDS": "300",
        "WEBHOOK_TIMEOUT_SECONDS": "300",
        "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        "DB_POOL_MAX": "2",
        **settings,
    }


@contextmanager
def worker(env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A `python main.py worker` process; killed on the way out if still running."""
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "main.py", "worker"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=out
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


async def wait_for_status(tenant_db: asyncpg.Connection, job_id: int, status: str) -> dict[str, Any]:
    """Poll the job until it has `status` (a guard of 60 s against hanging, not a timed assertion)."""
    rows: list[dict[str, Any]] = []

    async def reached() -> bool:
        rows.append(await job_row(tenant_db, job_id))
        return bool(rows[-1]["status"] == status)

    await wait_until(reached, lambda: f"job {job_id} reaching {status}: {rows[-1]}", every=0.1)
    return rows[-1]


async def lease_end(tenant_db: asyncpg.Connection, job_id: int) -> datetime:
    value = await tenant_db.fetchval("SELECT locked_until FROM job WHERE id = $1", job_id)
    assert isinstance(value, datetime)
    return value


async def test_R6_email_is_sent_again_with_the_same_delivery_id_after_the_worker_is_killed(
    factory: Factory, tenant_db: asyncpg.Connection, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (sink, url):
        env = worker_env(SMTP_URL=url)
        job = await queue_email(tenant.id, "r6-mail@example.org", "Yahrzeit reminder", "Kaddish on Tuesday")
        delivery_id = job.payload["deliveryId"]
        sink.script_for(delivery_id, hang_once=True)
        with worker(env, tmp_path / "worker.log") as first:
            await wait_until(lambda: len(sink.copies(delivery_id)) == 1, what="the first copy")
            running = await job_row(tenant_db, job.id)
            assert (running["status"], running["attempts"]) == ("RUNNING", 1)
            lease_ends = await lease_end(tenant_db, job.id)
            kill(first)
        with worker(env, tmp_path / "worker.log"):
            await wait_until(lambda: len(sink.copies(delivery_id)) == 2, what="the copy sent again")
            done = await wait_for_status(tenant_db, job.id, "DONE")
            marker = await queue_email(tenant.id, "r6-marker@example.org")
            await wait_for_status(tenant_db, marker.id, "DONE")
        copies = sink.copies(delivery_id)
        to_recipient = [m for m in sink.messages if m["To"] == "r6-mail@example.org"]
    assert len(copies) == 2 and len(to_recipient) == 2
    assert {m["X-ShulGraph-Delivery"] for m in to_recipient} == {delivery_id}
    assert {m["Message-ID"] for m in copies} == {f"<{delivery_id}@shulgraph.invalid>"}
    assert {m["Date"] for m in copies} == {copies[0]["Date"]}
    assert sink.arrived_at[id(copies[1])] >= lease_ends.timestamp()
    assert (done["status"], done["attempts"]) == ("DONE", 2)
    assert await tenant_db.fetchval("SELECT count(*) FROM job WHERE payload->>'deliveryId' = $1", delivery_id) == 1


async def test_R6_webhook_is_sent_again_with_the_same_delivery_id_after_the_worker_is_killed(
    factory: Factory, tenant_db: asyncpg.Connection, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    with webhook_receiver() as receiver:
        async with tenant_scope(tenant.id):
            _, secret = await create_endpoint(receiver.url, [WebhookEvent.MESSAGE_CREATED])
            await emit(WebhookEvent.MESSAGE_CREATED, {"id": "R6", "title": "Kiddush"})
        [delivery] = await deliveries(tenant_db, tenant.id)
        delivery_id = delivery["delivery_id"]
        receiver.script_for(delivery_id, hang_once=True)
        env = worker_env()
        with worker(env, tmp_path / "worker.log") as first:
            await wait_until(lambda: len(receiver.copies(delivery_id)) == 1, what="the first copy")
            running = await job_row(tenant_db, delivery["job_id"])
            assert (running["status"], running["attempts"]) == ("RUNNING", 1)
            lease_ends = await lease_end(tenant_db, delivery["job_id"])
            kill(first)
        with worker(env, tmp_path / "worker.log"):
            await wait_until(lambda: len(receiver.copies(delivery_id)) == 2, what="the copy sent again")
            await wait_for_status(tenant_db, delivery["job_id"], "DONE")
            async with tenant_scope(tenant.id):
                await emit(WebhookEvent.MESSAGE_CREATED, {"id": "marker"})
            marker = (await deliveries(tenant_db, tenant.id))[-1]
            await wait_for_status(tenant_db, marker["job_id"], "DONE")
        copies = receiver.copies(delivery_id)
        events = [r for r in receiver.requests if r.json()["data"].get("id") == "R6"]
    assert len(copies) == 2 and len(events) == 2
    assert {r.headers["webhook-id"] for r in events} == {delivery_id}
    assert copies[0].body == copies[1].body
    assert all(verify_signature(secret, r.headers, r.body) for r in copies)
    assert copies[1].arrived_at >= lease_ends.timestamp()
    [row, _] = await deliveries(tenant_db, tenant.id)
    assert (row["status"], row["attempts"], row["job_status"], row["job_attempts"]) == ("DELIVERED", 2, "DONE", 2)


async def test_R6_a_delivery_that_succeeded_is_not_sent_again(
    factory: Factory, tenant_db: asyncpg.Connection, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (sink, url), webhook_receiver() as receiver:
        env = worker_env(SMTP_URL=url)
        mail = await queue_email(tenant.id, "r6-once@example.org")
        async with tenant_scope(tenant.id):
            await create_endpoint(receiver.url, [WebhookEvent.ALIYAH_ASSIGNED])
            await emit(WebhookEvent.ALIYAH_ASSIGNED, {"id": "once"})
        [hook] = await deliveries(tenant_db, tenant.id)
        with worker(env, tmp_path / "worker.log") as first:
            await wait_for_status(tenant_db, mail.id, "DONE")
            await wait_for_status(tenant_db, hook["job_id"], "DONE")
            kill(first)
        with worker(env, tmp_path / "worker.log"):
            marker = await queue_email(tenant.id, "r6-after@example.org")
            async with tenant_scope(tenant.id):
                await emit(WebhookEvent.ALIYAH_ASSIGNED, {"id": "after"})
            hook_marker = (await deliveries(tenant_db, tenant.id))[-1]
            await wait_for_status(tenant_db, marker.id, "DONE")
            await wait_for_status(tenant_db, hook_marker["job_id"], "DONE")
        assert len(sink.copies(mail.payload["deliveryId"])) == 1
        assert len(sink.copies(marker.payload["deliveryId"])) == 1
        assert len(receiver.copies(hook["delivery_id"])) == 1
        assert len(receiver.copies(hook_marker["delivery_id"])) == 1
    done = await job_row(tenant_db, mail.id)
    assert (done["status"], done["attempts"]) == ("DONE", 1)
    [row, _] = await deliveries(tenant_db, tenant.id)
    assert (row["status"], row["attempts"], row["job_attempts"]) == ("DELIVERED", 1, 1)
