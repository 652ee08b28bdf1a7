"""Memorial CSV import as spreadsheets export it: BOM, CRLF, quoted commas and line breaks, Hebrew,
semicolons; empty, header-only and oversized uploads; a few thousand rows, all or nothing."""

from __future__ import annotations

from typing import Any

import asyncpg

from models.identity import Role
from services.content import memorial_import
from services.infra.ids import to_global_id
from services.outbox import worker as jobs
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

IMPORT = """mutation($input: ImportMemorialsInput!) { importMemorials(input: $input) {
    jobId userErrors { field code message } } }"""
POLL = """query($id: ID!) { memorialImport(id: $id) {
    status progress total imported failed
    errors { totalCount edges { node { line field code } } } } }"""


def errors_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in job["errors"]["edges"]]


async def _run(gql: GQL, actor: Actor, csv: str, all_or_nothing: bool = False) -> dict[str, Any]:
    result = await gql(IMPORT, {"input": {"csv": csv, "allOrNothing": all_or_nothing}}, actor=actor)
    assert user_errors(result, "importMemorials") == []
    await jobs.run_pending()
    job: dict[str, Any] = (await gql(POLL, {"id": result["data"]["importMemorials"]["jobId"]}, actor=actor))["data"][
        "memorialImport"
    ]
    return job


async def _refusal(gql: GQL, actor: Actor, csv: str) -> list[tuple[str, str]]:
    result = await gql(IMPORT, {"input": {"csv": csv}}, actor=actor)
    payload = result["data"]["importMemorials"]
    assert payload["jobId"] is None
    return [(e["code"], e["message"]) for e in payload["userErrors"]]


async def _rows(tenant_db: asyncpg.Connection, tenant_id: int) -> list[tuple[str, ...]]:
    rows = await tenant_db.fetch(
        "SELECT name, hebrew_name, plaque FROM content_memorial WHERE tenant_id = $1 ORDER BY name", tenant_id
    )
    return [tuple(row) for row in rows]


async def test_a_spreadsheet_export_with_bom_crlf_quotes_and_hebrew(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    csv = (
        "\ufeffName,Hebrew Name,Date of Death,Plaque,\r\n"
        '"Cohen, Moshe",משה בן אברהם הכהן,2001-01-01,"Wall 2, row 3",\r\n'
        '"Levi\r\nRivka",רבקה בת יעקב,2002-02-02,B1,\r\n'
        "Bad Date,,2001-02-30,B2,\r\n"
        "\r\n"
        "Shapiro,שפירא,2003-03-03,B3,\r\n"
    )
    job = await _run(gql, editor, csv)
    assert (job["status"], job["total"], job["imported"], job["failed"]) == ("DONE", 4, 3, 1)
    assert [(e["line"], e["field"], e["code"]) for e in errors_of(job)] == [(5, "dateOfDeath", "INVALID_DATE")]
    assert await _rows(tenant_db, editor.tenant.id) == [
        ("Cohen, Moshe", "משה בן אברהם הכהן", "Wall 2, row 3"),
        ("Levi\nRivka", "רבקה בת יעקב", "B1"),
        ("Shapiro", "שפירא", "B3"),
    ]


async def test_semicolon_and_bare_cr_files(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    job = await _run(gql, editor, "name;date_of_death;plaque\r\nAlpha;2001-01-01;A, left\r\n")
    assert (job["imported"], errors_of(job)) == (1, [])
    job = await _run(gql, editor, "name,date_of_death\rBeta,2001-01-01\rGamma,2001-13-01\r")
    assert (job["imported"], [(e["line"], e["code"]) for e in errors_of(job)]) == (1, [(3, "INVALID_DATE")])
    assert await _rows(tenant_db, editor.tenant.id) == [("Alpha", "", "A, left"), ("Beta", "", "")]


async def test_empty_header_only_repeated_columns_and_oversized_uploads_are_refused(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    assert await _refusal(gql, editor, "") == [("REQUIRED", "the CSV is empty")]
    assert await _refusal(gql, editor, "\ufeff \r\n") == [("REQUIRED", "the CSV is empty")]
    assert await _refusal(gql, editor, "\ufeffname,date_of_death\r\n\r\n") == [("REQUIRED", "the CSV has no rows")]
    assert await _refusal(gql, editor, "name,plaque,Name\nx,y,z\n") == [("INVALID", "columns named twice: name")]
    big = "name\n" + "x" * (memorial_import.MAX_CSV_BYTES + 1) + "\n"
    assert [(p.field, p.code) for p in memorial_import.check_csv(big)] == [("csv", "TOO_LONG")]
    ten_mb = "name,date_of_death\n" + "Someone With A Long Name,2001-01-01\n" * 300_000
    assert len(ten_mb) > 10_000_000
    response = await gql.http.post(
        "/graphql", json={"query": IMPORT, "variables": {"input": {"csv": ten_mb}}}, headers=editor.headers()
    )
    assert response.status_code == 413 and "too large" in response.text
    assert await tenant_db.fetchval("SELECT count(*) FROM job WHERE tenant_id = $1", editor.tenant.id) == 0


async def test_a_few_thousand_rows_with_one_bad_row_all_or_nothing(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    rows = [f"Person {i:04d},{1950 + i % 70}-{1 + i % 12:02d}-{1 + i % 28:02d},yes" for i in range(3000)]
    rows[2499] = "Person bad,,yes"
    csv = "name,date_of_death,after_sunset\n" + "\n".join(rows) + "\n"
    job = await _run(gql, editor, csv, all_or_nothing=True)
    assert (job["status"], job["progress"], job["total"], job["imported"], job["failed"]) == ("DONE", 3000, 3000, 0, 1)
    assert [(e["line"], e["field"], e["code"]) for e in errors_of(job)] == [(2501, "dateOfDeath", "REQUIRED")]
    count = "SELECT count(*) FROM content_memorial WHERE tenant_id = $1"
    assert await tenant_db.fetchval(count, editor.tenant.id) == 0
    job = await _run(gql, editor, csv, all_or_nothing=False)
    assert (job["imported"], job["failed"]) == (2999, 1)
    assert await tenant_db.fetchval(count, editor.tenant.id) == 2999


async def test_T3_an_import_writes_only_into_its_own_tenant_and_Z1_missing_role_viewers_cannot_import(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.EDITOR)
    b = await factory.member(role=Role.OWNER)
    await _run(gql, a, "name,date_of_death\nOnly In A,2001-01-01\n")
    assert await _rows(tenant_db, b.tenant.id) == []
    listed = await gql.op("Memorials", actor=b)
    assert listed["data"]["memorials"]["totalCount"] == 0
    viewer = await factory.member(tenant=a.tenant, role=Role.VIEWER)
    async with unchanged(owner_db, viewer):
        refused = await gql(IMPORT, {"input": {"csv": "name,date_of_death\nV,2001-01-01\n"}}, actor=viewer)
        assert error_codes(refused) == ["FORBIDDEN"]
    assert await _rows(tenant_db, a.tenant.id) == [("Only In A", "", "")]


async def test_cross_tenant_another_synagogues_import_and_its_job_are_refused_as_missing_ones(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.EDITOR)
    b = await factory.member(role=Role.EDITOR)
    started = await gql(IMPORT, {"input": {"csv": "name,date_of_death\nOnly In B,2001-01-01\n"}}, actor=b)
    job_id = started["data"]["importMemorials"]["jobId"]
    await jobs.run_pending()
    async with unchanged(owner_db, b.tenant, a):
        foreign = await gql(POLL, {"id": job_id}, actor=a)
        missing = await gql(POLL, {"id": to_global_id("MemorialImport", 2**31 - 1)}, actor=a)
        assert "errors" not in foreign and foreign["data"] == missing["data"] == {"memorialImport": None}
        upload = {"input": {"csv": "name,date_of_death\nFrom A,2001-01-01\n"}}
        named = await gql(IMPORT, upload, actor=a, tenant=b.tenant)
        nowhere = await gql(IMPORT, upload, actor=a, headers={"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)})
        assert error_codes(named) == ["FORBIDDEN"] and named == nowhere
        await jobs.run_pending()
    assert await _rows(tenant_db, b.tenant.id) == [("Only In B", "", "")]
    assert await tenant_db.fetchval("SELECT count(*) FROM job WHERE tenant_id = $1", b.tenant.id) == 1
    assert await _rows(tenant_db, a.tenant.id) == []
