"""An admin runs the outbox: every job of the synagogue listed with filters; a FAILED job retried (it runs again
from its first attempt: an e-mail is sent, a webhook delivery job sends its delivery again) or discarded; a job
that is not FAILED is a CONFLICT; the queue's depth, its oldest due job and failures by kind on /metrics;
another synagogue's jobs read like missing ones, and callers below ADMIN are refused. Jobs are read and changed
where the synagogue's rows live (`tenant_db`: its own database in the placed pass)."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest

from models.identity import Role
from services.infra.ids import to_global_id
from services.infra.metrics import JOBS
from services.outbox import metrics
from tests.support.actors import Actor, Factory
from tests.support.content import create_message
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, assert_refused, error_codes, pk, refused_callers, user_errors
from tests.support.outbox import job_row, queue_email, run_due
from tests.support.receivers import WebhookReceiver
from tests.support.snapshot import unchanged
from tests.support.webhooks import subscribe


async def _jobs(gql: GQL, admin: Actor, **filters: Any) -> list[dict[str, Any]]:
    result = await gql.trusted("Jobs", filters, actor=admin)
    assert "errors" not in result, result
    return [edge["node"] for edge in result["data"]["jobs"]["edges"]]


async def _fail(rows: asyncpg.Connection, job_id: int) -> None:
    await rows.execute(
        "UPDATE job SET status = 'FAILED', attempts = max_attempts, finished_at = now(),"
        " errors = '[{\"message\": \"550 no such mailbox\"}]' WHERE id = $1",
        job_id,
    )


async def test_a_failed_email_is_listed_retried_and_sent_and_another_is_discarded(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    first = await queue_email(admin.tenant.id, "gabbai@example.org", "Kiddush")
    second = await queue_email(admin.tenant.id, "rabbi@example.org", "Shiur")
    await _fail(tenant_db, first.id)
    await _fail(tenant_db, second.id)
    failed = await _jobs(gql, admin, status="FAILED", kind="email.send")
    assert [pk(j["id"]) for j in failed] == [second.id, first.id]
    assert failed[0]["errors"]["edges"][0]["node"]["message"] == "550 no such mailbox"
    assert await _jobs(gql, admin, kind="webhook.deliver") == []

    retried = await gql.trusted("RetryJob", {"input": {"id": failed[1]["id"]}}, actor=admin)
    job = retried["data"]["retryJob"]["job"]
    assert (job["status"], job["attempts"], job["errors"]["totalCount"]) == ("PENDING", 0, 0)
    again = await gql.trusted("RetryJob", {"input": {"id": failed[1]["id"]}}, actor=admin)
    assert [e["code"] for e in user_errors(again, "retryJob")] == ["CONFLICT"]
    await run_due(tenant_db)
    row = await job_row(tenant_db, first.id)
    assert (row["status"], row["attempts"]) == ("DONE", 1)

    discarded = await gql.trusted("DiscardJob", {"input": {"id": failed[0]["id"]}}, actor=admin)
    assert discarded["data"]["discardJob"]["discardedId"] == failed[0]["id"]
    assert await tenant_db.fetchval("SELECT count(*) FROM job WHERE id = $1", second.id) == 0
    done = await gql.trusted("DiscardJob", {"input": {"id": failed[1]["id"]}}, actor=admin)
    assert [e["code"] for e in user_errors(done, "discardJob")] == ["CONFLICT"]
    actions = await tenant_db.fetch(
        "SELECT action FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2 ORDER BY id",
        admin.tenant.id,
        admin.user.id,
    )
    assert [a["action"] for a in actions] == ["job.retry", "job.discard"]


@pytest.mark.usefixtures("private_targets")
async def test_retrying_a_failed_delivery_job_sends_its_delivery_again(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Refused once")
    [job] = await _jobs(gql, admin, kind="webhook.deliver")
    delivery_id = await tenant_db.fetchval(
        "SELECT d.delivery_id::text FROM webhook_delivery d JOIN job j ON (j.payload->>'delivery')::int = d.id"
        " WHERE j.id = $1",
        pk(job["id"]),
    )
    receiver.script_for(delivery_id, 400)
    failures_before = JOBS.labels("webhook.deliver", "failed")._value.get()
    await run_due(tenant_db)
    assert JOBS.labels("webhook.deliver", "failed")._value.get() == failures_before + 1
    [failed] = await _jobs(gql, admin, kind="webhook.deliver", status="FAILED")
    await gql.trusted("RetryJob", {"input": {"id": failed["id"]}}, actor=admin)
    await run_due(tenant_db)
    assert len(receiver.copies(delivery_id)) == 2
    status, attempts = await tenant_db.fetchrow(
        "SELECT status, attempts FROM webhook_delivery WHERE delivery_id = $1::uuid", delivery_id
    )
    assert (status, attempts) == ("DELIVERED", 2)


async def test_the_queue_gauges_and_failures_by_kind_are_on_metrics(
    factory: Factory, tenant_db: asyncpg.Connection, http: httpx.AsyncClient
) -> None:
    tenant = await factory.tenant()
    job = await queue_email(tenant.id, "late@example.org")
    await tenant_db.execute("UPDATE job SET run_after = now() - interval '1 hour' WHERE id = $1", job.id)
    await metrics.refresh(force=True)
    scraped = (await http.get("/metrics")).text
    due = next(line for line in scraped.splitlines() if line.startswith("shulgraph_jobs_due "))
    oldest = next(line for line in scraped.splitlines() if line.startswith("shulgraph_jobs_oldest_due_age_seconds "))
    assert float(due.split()[1]) >= 1 and float(oldest.split()[1]) >= 3600
    await run_due(tenant_db)
    await metrics.refresh(force=True)
    scraped = (await http.get("/metrics")).text
    assert "shulgraph_jobs_due 0.0" in scraped and "shulgraph_jobs_oldest_due_age_seconds 0.0" in scraped


async def test_cross_tenant_another_synagogues_jobs_read_like_missing_ones(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    theirs = await factory.member(role=Role.ADMIN)
    assert theirs.tenant is not None
    their_job = await queue_email(theirs.tenant.id, "theirs@example.org")
    await _fail(tenant_db, their_job.id)
    their_id, missing = to_global_id("Job", their_job.id), to_global_id("Job", 10**9)
    async with unchanged(owner_db, admin, theirs):
        assert await _jobs(gql, admin) == []
        for name, field in (("RetryJob", "retryJob"), ("DiscardJob", "discardJob")):
            foreign = await gql.trusted(name, {"input": {"id": their_id}}, actor=admin)
            ghost = await gql.trusted(name, {"input": {"id": missing}}, actor=admin)
            assert [e["code"] for e in user_errors(foreign, field)] == ["NOT_FOUND"]
            assert answer(foreign) == answer(ghost)
        node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": their_id}, actor=admin)
        assert node["data"]["node"] is None
        named = await gql.trusted("Jobs", actor=admin, tenant=theirs.tenant)
        assert error_codes(named) == ["FORBIDDEN"] and named["data"] is None


async def test_missing_role_below_admin_devices_and_anonymous_callers_cannot_run_jobs(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    job = await queue_email(admin.tenant.id, "someone@example.org")
    await _fail(tenant_db, job.id)
    job_id = to_global_id("Job", job.id)
    async with unchanged(owner_db, admin):
        by_id = {"input": {"id": job_id}}
        callers = refused_callers(editor, tv.headers)
        for name, variables in (("Jobs", None), ("RetryJob", by_id), ("DiscardJob", by_id)):
            await assert_refused(gql, name, variables, callers)
