"""`job(id:)` to poll any followed background job, `jobProgress(id:)` to watch it over a websocket."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest

from models.base import tenant_scope
from models.identity import Role
from models.outbox import Job as JobRow
from models.outbox import JobStatus
from services.infra.ids import from_global_id, to_global_id
from services.outbox import queue as job_queue
from services.outbox import worker as jobs
from subscriptions.jobs import job_stream, publish_job_changed
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.live import Server
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient

IMPORT = """mutation($input: ImportMemorialsInput!) { importMemorials(input: $input) {
    jobId userErrors { field code message } } }"""
JOB = """query($id: ID!) { job(id: $id) { id kind status progress total result
    errors { totalCount edges { node { line code } } } } }"""
PROGRESS = """subscription($id: ID!) { jobProgress(id: $id) { id kind status progress total result } }"""


def _csv(rows: int) -> str:
    return "name,date_of_death\n" + "".join(f"Person {i},2001-01-01\n" for i in range(rows))


async def _start(gql: GQL, actor: Actor, rows: int) -> str:
    result = await gql(IMPORT, {"input": {"csv": _csv(rows)}}, actor=actor)
    assert user_errors(result, "importMemorials") == []
    job_id: str = result["data"]["importMemorials"]["jobId"]
    return job_id


async def _watch(server: Server, actor: Actor, job_id: str) -> WSClient:
    client = await WSClient.open(server.ws_url)
    ack = await client.init({"authorization": f"Bearer {actor.token}", "tenantId": actor.tenant_gid})
    assert ack["type"] == "connection_ack", ack
    await client.subscribe("job", PROGRESS, {"id": job_id})
    return client


async def _state(client: WSClient) -> tuple[str, int, int]:
    job = (await client.next_data("job"))["jobProgress"]
    return job["status"], job["progress"], job["total"]


def _codes_and_messages(message: dict[str, Any]) -> list[tuple[str, str]]:
    payload: Any = message.get("payload") or {}
    errors: list[Any] = payload if message.get("type") == "error" else payload.get("errors") or []
    return [(e["extensions"]["code"], e["message"]) for e in errors]


async def _claim(job_pk: int) -> job_queue.JobRun:
    """Claim our job as the worker would, running whatever other tests left due before it."""
    while (run := await jobs.claim()) is not None:
        if run.job_id == job_pk:
            return run
        await jobs.execute(run)
    raise AssertionError("the job was not due")


async def test_progress_reports_arrive_over_a_websocket_until_done(
    live_server: Server, gql: GQL, factory: Factory, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    job_id = await _start(gql, editor, 600)
    client = await _watch(live_server, editor, job_id)
    try:
        assert await _state(client) == ("PENDING", 0, 600)
        monkeypatch.setattr(job_queue, "_broadcast", app.state.broadcast)  # the worker's broadcaster
        run = await _claim(_pk(job_id))
        await run.report(0, 600)
        assert await _state(client) == ("RUNNING", 0, 600)
        await run.report(250)
        assert await _state(client) == ("RUNNING", 250, 600)
        await jobs.execute(run)
        states = [await _state(client)]
        while states[-1][0] != "DONE":
            states.append(await _state(client))
        assert states[-1] == ("DONE", 600, 600)
        assert [s[1] for s in states] == sorted(s[1] for s in states)
        assert (await client.next("job"))["type"] == "complete"
    finally:
        await client.close()
    polled = (await gql(JOB, {"id": job_id}, actor=editor))["data"]["job"]
    assert polled["status"] == "DONE" and polled["kind"] == "memorial_import"
    assert polled["result"] == {"imported": 600, "failed": 0, "total": 600}
    assert polled["id"] == to_global_id("Job", _pk(job_id))


def _pk(global_id: str) -> int:
    parsed = from_global_id(global_id)
    assert parsed is not None
    return parsed[1]


async def test_a_failed_job_is_announced_by_the_worker(
    live_server: Server, factory: Factory, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    async with tenant_scope(editor.tenant.id):
        broken = await job_queue.enqueue("memorial_import", {"all_or_nothing": False}, max_attempts=1)
    job_id = to_global_id("Job", broken.id)
    client = await _watch(live_server, editor, job_id)
    try:
        assert await _state(client) == ("PENDING", 0, 0)
        monkeypatch.setattr(job_queue, "_broadcast", app.state.broadcast)
        await jobs.run_pending()
        message = await client.next("job")
        assert message["type"] == "next" and message["payload"]["data"]["jobProgress"]["status"] == "FAILED"
        assert (await client.next("job"))["type"] == "complete"
    finally:
        await client.close()


async def test_T1_cross_tenant_another_tenant_cannot_read_or_follow_the_job(
    live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    stranger = await factory.member(role=Role.OWNER)
    job_id = await _start(gql, editor, 3)
    own = (await gql(JOB, {"id": job_id}, actor=editor))["data"]["job"]
    assert (own["status"], own["total"], own["kind"]) == ("PENDING", 3, "memorial_import")
    job_gid = own["id"]
    assert user_errors(await gql(IMPORT, {"input": {"csv": _csv(1)}}, actor=stranger), "importMemorials") == []
    missing = to_global_id("Job", 10**12)
    async with unchanged(owner_db, editor, stranger):
        for gid in (job_id, job_gid, missing):
            assert (await gql(JOB, {"id": gid}, actor=stranger))["data"]["job"] is None
            node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": gid}, actor=stranger)
            assert node["data"]["node"] is None
        refusals = []
        for gid in (job_gid, missing):
            client = await _watch(live_server, stranger, gid)
            try:
                refusals.append(_codes_and_messages(await client.next("job")))
            finally:
                await client.close()
        assert refusals[0] == refusals[1] == [("NOT_FOUND", "job not found")]


async def test_jobs_of_other_kinds_are_not_shown(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    async with tenant_scope(editor.tenant.id):
        hidden = await job_queue.enqueue("outbox_test_kind", {"secret": "x"}, max_attempts=1)
    assert (await gql(JOB, {"id": to_global_id("Job", hidden.id)}, actor=editor))["data"]["job"] is None
    memorial_view = to_global_id("MemorialImport", hidden.id)
    assert (await gql(JOB, {"id": memorial_view}, actor=editor))["data"]["job"] is None
    await jobs.run_pending()


async def test_Z1_missing_role_viewer_cannot_read_or_follow_a_job(
    live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    job_id = await _start(gql, editor, 2)
    async with unchanged(owner_db, viewer):
        assert error_codes(await gql(JOB, {"id": job_id}, actor=viewer)) == ["FORBIDDEN"]
        client = await _watch(live_server, viewer, job_id)
        try:
            assert [code for code, _ in _codes_and_messages(await client.next("job"))] == ["FORBIDDEN"]
        finally:
            await client.close()
    await jobs.run_pending()


async def test_a_stream_reads_the_job_again_when_an_announcement_was_lost(factory: Factory, app: Any) -> None:
    tenant = await factory.tenant()
    async with tenant_scope(tenant.id):
        row = await job_queue.enqueue("memorial_import", {"all_or_nothing": False}, total=5)

    async def read() -> JobRow | None:
        async with tenant_scope(tenant.id):
            return await job_queue.get_job(row.id)

    stream = job_stream(
        app.state.broadcast,
        tenant.id,
        row.id,
        read,
        key=lambda job: (job.status, job.progress),
        finished=lambda job: job.status in (JobStatus.DONE, JobStatus.FAILED),
        recheck_seconds=0.05,
    )
    assert (await anext(stream)).status == JobStatus.PENDING
    await publish_job_changed(app.state.broadcast, tenant.id, row.id + 1)  # another job's news
    await JobRow.filter(id=row.id).update(status=JobStatus.DONE, progress=5)  # and none for this one
    done = await asyncio.wait_for(anext(stream), timeout=30)
    assert (done.status, done.progress) == (JobStatus.DONE, 5)
    with pytest.raises(StopAsyncIteration):
        await anext(stream)
