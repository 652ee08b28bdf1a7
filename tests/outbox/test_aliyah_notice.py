"""assignAliyah with notify: the person gets an e-mail through the outbox (once per assignment),
a malformed address is a user error, and nobody outside the synagogue's editors can cause a send."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from config import Settings
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.graphql import GQL, answer, error_codes
from tests.support.outbox import run_due
from tests.support.receivers import body_text, smtp_server
from tests.support.snapshot import unchanged


async def email_jobs(owner_db: asyncpg.Connection, tenant_id: int) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT id, status, payload->>'to' AS to, payload->>'deliveryId' AS delivery_id FROM job"
        " WHERE tenant_id = $1 AND kind = 'email.send' ORDER BY id",
        tenant_id,
    )
    return [dict(row) for row in rows]


def assign(person: str, email: str | None, notify: bool = True, aliyah: str = "LEVI") -> dict[str, Any]:
    values: dict[str, Any] = {"date": "2026-12-12", "aliyah": aliyah, "personName": person, "notify": notify}
    if email is not None:
        values["notifyEmail"] = email
    return {"input": values}


async def test_notify_emails_the_person_once(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    tenant_id = editor.tenant.id
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        result = await gql.op("AssignAliyah", assign("Yossi Katz", "yossi@example.org"), actor=editor)
        assert result["data"]["assignAliyah"]["userErrors"] == []
        assert result["data"]["assignAliyah"]["assignment"]["notify"] is True
        again = await gql.op("AssignAliyah", assign("Yossi Katz", "yossi@example.org"), actor=editor)
        assert again["data"]["assignAliyah"]["userErrors"] == []
        [job] = await email_jobs(owner_db, tenant_id)
        await run_due(owner_db)
        [message] = sink.copies(job["delivery_id"])
        await gql.op("AssignAliyah", assign("Moshe Levy", "moshe@example.org"), actor=editor)
        jobs = await email_jobs(owner_db, tenant_id)
    assert message["To"] == "yossi@example.org" and "Levi" in message["Subject"] and "2026" in message["Subject"]
    body = body_text(message)
    assert "Yossi Katz" in body and editor.tenant.name in body
    assert [j["to"] for j in jobs] == ["yossi@example.org", "moshe@example.org"]


async def test_without_notify_nothing_is_sent(gql: GQL, factory: Factory, owner_db: asyncpg.Connection) -> None:
    editor = await factory.member(role=Role.EDITOR)
    result = await gql.op("AssignAliyah", assign("Avi", "avi@example.org", notify=False), actor=editor)
    assert result["data"]["assignAliyah"]["userErrors"] == []
    assert await email_jobs(owner_db, editor.tenant.id) == []


@pytest.mark.parametrize(
    ("email", "code"),
    [("not-an-address", "INVALID"), ("a@b", "INVALID"), ("x@example.org\r\nBcc: y@example.org", "INVALID"),
     (None, "REQUIRED")],
)  # fmt: skip
async def test_malformed_address_is_a_user_error_and_writes_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, email: str | None, code: str
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    result = await gql.op("AssignAliyah", assign("Avi", email), actor=editor)
    errors = result["data"]["assignAliyah"]["userErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [(["notifyEmail"], code)]
    assert result["data"]["assignAliyah"]["assignment"] is None
    assert await email_jobs(owner_db, editor.tenant.id) == []
    count = await owner_db.fetchval(
        "SELECT count(*) FROM content_aliyah_assignment WHERE tenant_id = $1", editor.tenant.id
    )
    assert count == 0


async def test_Z1_missing_role_viewer_cannot_cause_an_email(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    async with unchanged(owner_db, viewer):
        result = await gql.op("AssignAliyah", assign("Avi", "avi@example.org"), actor=viewer)
        assert error_codes(result) == ["FORBIDDEN"]
        assert await email_jobs(owner_db, viewer.tenant.id) == []


async def test_T1_cross_tenant_editor_of_another_synagogue_cannot_cause_an_email(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    other = await factory.tenant()
    async with unchanged(owner_db, editor, other):
        result = await gql.op("AssignAliyah", assign("Avi", "avi@example.org"), actor=editor, tenant=other)
        assert error_codes(result) == ["FORBIDDEN"]
        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        missing = await gql.op("AssignAliyah", assign("Avi", "avi@example.org"), actor=editor, headers=nowhere)
        assert answer(result) == answer(missing)
        assert await email_jobs(owner_db, other.id) == []
        assert await email_jobs(owner_db, editor.tenant.id) == []
