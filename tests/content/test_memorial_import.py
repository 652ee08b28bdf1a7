"""Memorial CSV import: queued, run by the job framework, every bad row reported by line number."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import asyncpg

from models.identity import Role
from services.infra.ids import to_global_id
from services.outbox import worker as jobs
from subscriptions.channels import tenant_content
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

IMPORT = """mutation($input: ImportMemorialsInput!) { importMemorials(input: $input) {
    jobId memorialImport { status total } userErrors { field code message } } }"""
POLL = """query($id: ID!) { memorialImport(id: $id) {
    id status progress total imported failed allOrNothing
    errors { totalCount edges { node { line field code message } } } } }"""

CSV = """name,Hebrew Name,date_of_death,after_sunset,hebrew_day,hebrew_month,hebrew_year,plaque,family_email
Sarah Levi,שרה בת אברהם,2020-03-04,yes,,,,A1,sarah@example.org
Bad Tevet,,,,30,Tevet,5784,A2,
Moshe Cohen,,,,10,Sh'vat,5770,A3,

,,2001-01-01,,,,,,
"Both, Dates",,2001-01-01,,1,Nisan,5760,,
Rivka,,2001-02-30,,,,,,
Adar Two,,,,14,Adar II,5784,B1,
"""


def errors_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in job["errors"]["edges"]]


async def _start(gql: GQL, actor: Actor, csv: str, all_or_nothing: bool) -> dict[str, Any]:
    result = await gql(IMPORT, {"input": {"csv": csv, "allOrNothing": all_or_nothing}}, actor=actor)
    assert user_errors(result, "importMemorials") == []
    return dict(result["data"]["importMemorials"])


async def _memorials(owner_db: asyncpg.Connection, tenant_id: int) -> list[str]:
    rows = await owner_db.fetch("SELECT name FROM content_memorial WHERE tenant_id = $1 ORDER BY name", tenant_id)
    return [row["name"] for row in rows]


async def test_import_writes_good_rows_and_reports_bad_ones_by_line(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    started = await _start(gql, editor, CSV, all_or_nothing=False)
    assert started["memorialImport"] == {"status": "PENDING", "total": 7}
    assert await jobs.run_pending() >= 1
    result = await gql(POLL, {"id": started["jobId"]}, actor=editor)
    job = result["data"]["memorialImport"]
    assert (job["status"], job["progress"], job["total"], job["imported"], job["failed"]) == ("DONE", 7, 7, 3, 4)
    assert [(e["line"], e["field"], e["code"]) for e in errors_of(job)] == [
        (3, "hebrewDateOfDeath.day", "INVALID_DATE"),
        (6, "name", "REQUIRED"),
        (7, "dateOfDeath", "CONFLICT"),
        (8, "dateOfDeath", "INVALID_DATE"),
    ]
    assert await _memorials(owner_db, editor.tenant.id) == ["Adar Two", "Moshe Cohen", "Sarah Levi"]
    row = await owner_db.fetchrow(
        "SELECT hebrew_day, hebrew_month, hebrew_year, family_email FROM content_memorial"
        " WHERE tenant_id = $1 AND name = 'Sarah Levi'",
        editor.tenant.id,
    )
    assert tuple(row) == (9, "ADAR", 5780, "sarah@example.org")


async def test_all_or_nothing_writes_nothing_when_a_row_is_bad(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    started = await _start(gql, editor, CSV, all_or_nothing=True)
    await jobs.run_pending()
    job = (await gql(POLL, {"id": started["jobId"]}, actor=editor))["data"]["memorialImport"]
    assert (job["status"], job["imported"], job["failed"], job["allOrNothing"]) == ("DONE", 0, 4, True)
    assert len(errors_of(job)) == 4 and job["errors"]["totalCount"] == 4
    assert await _memorials(owner_db, editor.tenant.id) == []
    good = "name,date_of_death\nA,2001-01-01\nB,2002-02-02\n"
    started = await _start(gql, editor, good, all_or_nothing=True)
    await jobs.run_pending()
    job = (await gql(POLL, {"id": started["jobId"]}, actor=editor))["data"]["memorialImport"]
    assert (job["status"], job["imported"], errors_of(job)) == ("DONE", 2, [])
    assert await _memorials(owner_db, editor.tenant.id) == ["A", "B"]


async def test_errors_of_a_large_import_come_in_pages(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    bad = "name,date_of_death\n" + "".join(f"Row {n},2001-02-30\n" for n in range(150))
    started = await _start(gql, editor, bad, all_or_nothing=False)
    await jobs.run_pending()
    paged = """query($id: ID!, $after: String) { memorialImport(id: $id) { failed errors(first: 100, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { line } } } } }"""
    first = (await gql(paged, {"id": started["jobId"]}, actor=editor))["data"]["memorialImport"]
    assert first["failed"] == 150 and first["errors"]["totalCount"] == 150
    assert [e["node"]["line"] for e in first["errors"]["edges"]] == list(range(2, 102))
    assert first["errors"]["pageInfo"]["hasNextPage"] is True
    after = first["errors"]["pageInfo"]["endCursor"]
    rest = (await gql(paged, {"id": started["jobId"], "after": after}, actor=editor))["data"]["memorialImport"]
    assert [e["node"]["line"] for e in rest["errors"]["edges"]] == list(range(102, 152))
    assert rest["errors"]["pageInfo"]["hasNextPage"] is False
    too_many = await gql(
        "query($id: ID!) { job(id: $id) { errors(first: 101) { totalCount } } }", {"id": started["jobId"]}, actor=editor
    )
    assert error_codes(too_many) == ["BAD_USER_INPUT"]


async def test_unreadable_uploads_are_refused_at_once(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    editor = await factory.member(role=Role.EDITOR)
    for csv, code in (
        ("", "REQUIRED"),
        ("nom,date\nx,y\n", "INVALID"),
        ("name,colour\nx,red\n", "INVALID"),
        ("name\n", "REQUIRED"),
    ):
        result = await gql(IMPORT, {"input": {"csv": csv}}, actor=editor)
        payload = result["data"]["importMemorials"]
        assert payload["jobId"] is None and [(e["field"], e["code"]) for e in payload["userErrors"]] == [
            (["csv"], code)
        ]
    assert await owner_db.fetchval("SELECT count(*) FROM job WHERE tenant_id = $1", editor.tenant.id) == 0


async def test_T1_cross_tenant_foreign_import_is_invisible_and_Z1_missing_role_viewer_cannot_import(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.EDITOR)
    started = await _start(gql, b, "name,date_of_death\nX,2001-01-01\n", all_or_nothing=False)
    viewer = await factory.member(tenant=a.tenant, role=Role.VIEWER)
    async with unchanged(owner_db, b.tenant, a):
        assert (await gql(POLL, {"id": started["jobId"]}, actor=a))["data"]["memorialImport"] is None
        missing = to_global_id("MemorialImport", 10**9)
        assert (await gql(POLL, {"id": missing}, actor=a))["data"]["memorialImport"] is None
        node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": started["jobId"]}, actor=a)
        assert node["data"]["node"] is None
        assert error_codes(await gql(IMPORT, {"input": {"csv": "name\nx\n"}}, actor=viewer)) == ["FORBIDDEN"]
        assert error_codes(await gql(POLL, {"id": started["jobId"]}, actor=viewer)) == ["FORBIDDEN"]
    await jobs.run_pending()


async def test_in_process_worker_runs_the_import_and_tells_the_screens(gql: GQL, factory: Factory, app: Any) -> None:
    editor = await factory.member(role=Role.EDITOR)
    broadcast = app.state.broadcast
    async with (
        broadcast.subscribe(channel=tenant_content(editor.tenant.id)) as subscriber,
        jobs.in_process_worker(app.state.settings, broadcast, poll_seconds=0.05),
    ):
        started = await _start(gql, editor, "name,date_of_death\nInline,2001-01-01\n", all_or_nothing=False)
        event = await asyncio.wait_for(subscriber.__aiter__().__anext__(), timeout=30)
    assert json.loads(event.message) == {"tenant": editor.tenant.id}
    job = (await gql(POLL, {"id": started["jobId"]}, actor=editor))["data"]["memorialImport"]
    assert (job["status"], job["imported"]) == ("DONE", 1)
