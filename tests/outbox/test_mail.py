"""Outgoing e-mail: queued with a delivery id, sent over real SMTP by the worker, retried on
transient failures, failed with the reason on a 5xx, and written to the log without SMTP_URL."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import asyncpg
import pytest

from config import Settings
from models.base import tenant_scope
from services.outbox.mail import InvalidAddress, enqueue_email
from tests.support.actors import Factory
from tests.support.outbox import job_row, queue_email, run_due
from tests.support.receivers import body_text, smtp_server


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    value = row["result"]
    result: dict[str, Any] = json.loads(value) if isinstance(value, str) else value
    return result


async def test_email_is_sent_over_smtp_with_the_delivery_id(
    factory: Factory, settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        job = await queue_email(tenant.id, "gabbai@example.org", "Your aliyah", "Shalom\nSee you Shabbat")
        delivery_id = job.payload["deliveryId"]
        assert uuid.UUID(delivery_id)
        await run_due(owner_db)
        [message] = sink.copies(delivery_id)
    assert message["To"] == "gabbai@example.org" and message["Subject"] == "Your aliyah"
    assert message["Message-ID"] == f"<{delivery_id}@shulgraph.invalid>"
    assert message["From"] == settings.mail_from
    assert "See you Shabbat" in body_text(message)
    row = await job_row(owner_db, job.id)
    assert row["status"] == "DONE" and row["attempts"] == 1
    assert _payload(row)["deliveryId"] == delivery_id and _payload(row)["transport"] == "smtp"


async def test_transient_smtp_failure_is_retried_with_the_same_delivery_id(
    factory: Factory, settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        job = await queue_email(tenant.id, "member@example.org")
        delivery_id = job.payload["deliveryId"]
        sink.script_for(delivery_id, "451 4.3.0 mailbox busy, try later")
        await run_due(owner_db)
        row = await job_row(owner_db, job.id)
        assert row["status"] == "PENDING" and row["attempts"] == 1
        await run_due(owner_db, job.id)
        copies = sink.copies(delivery_id)
    assert len(copies) == 2
    assert {c["Message-ID"] for c in copies} == {f"<{delivery_id}@shulgraph.invalid>"}
    row = await job_row(owner_db, job.id)
    assert row["status"] == "DONE" and row["attempts"] == 2


async def test_unreachable_smtp_server_is_retried_later(
    factory: Factory, settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (_, url):
        pass  # the port is closed again: nothing listens there
    monkeypatch.setattr(settings, "smtp_url", url)
    job = await queue_email(tenant.id, "member@example.org")
    await run_due(owner_db)
    row = await job_row(owner_db, job.id)
    assert row["status"] == "PENDING" and row["attempts"] == 1 and row["run_after"] is not None


async def test_permanent_refusal_fails_the_job_with_the_reason(
    factory: Factory, settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        job = await queue_email(tenant.id, "nobody@example.org")
        sink.script_for(job.payload["deliveryId"], "550 5.1.1 no such mailbox")
        await run_due(owner_db)
    row = await job_row(owner_db, job.id)
    errors = json.loads(row["errors"]) if isinstance(row["errors"], str) else row["errors"]
    assert row["status"] == "FAILED" and row["attempts"] == 1
    assert "550" in errors[0]["message"] and "no such mailbox" in errors[0]["message"]


async def test_without_smtp_url_the_message_is_written_to_the_log(
    factory: Factory,
    settings: Settings,
    owner_db: asyncpg.Connection,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tenant = await factory.tenant()
    monkeypatch.setattr(settings, "smtp_url", None)
    job = await queue_email(tenant.id, "member@example.org", "Yahrzeit", "Kaddish on Tuesday")
    with caplog.at_level(logging.INFO, logger="shulgraph.mail"):
        await run_due(owner_db)
    [record] = [r for r in caplog.records if getattr(r, "delivery", None) == job.payload["deliveryId"]]
    assert "delivered to the log" in record.getMessage()
    assert vars(record)["to"] == "member@example.org" and vars(record)["body"] == "Kaddish on Tuesday"  # extra=
    row = await job_row(owner_db, job.id)
    assert row["status"] == "DONE" and _payload(row)["transport"] == "log"


@pytest.mark.parametrize("address", ["not-an-address", "a@b", "x@example.org\r\nBcc: victim@example.org", ""])
async def test_malformed_address_is_refused_when_queued(factory: Factory, address: str) -> None:
    tenant = await factory.tenant()
    with pytest.raises(InvalidAddress):
        async with tenant_scope(tenant.id):
            await enqueue_email(address, "s", "b")


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # a loopback test server
async def test_smtp_login_is_used_and_a_wrong_password_fails_the_job(
    factory: Factory, settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    with smtp_server(login=("relay-user", "relay-pass")) as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        monkeypatch.setattr(settings, "smtp_user", "relay-user")
        monkeypatch.setattr(settings, "smtp_password", "relay-pass")
        accepted = await queue_email(tenant.id, "member@example.org")
        await run_due(owner_db)
        monkeypatch.setattr(settings, "smtp_password", "wrong")
        refused = await queue_email(tenant.id, "member@example.org")
        await run_due(owner_db)
        assert len(sink.copies(accepted.payload["deliveryId"])) == 1
        assert sink.copies(refused.payload["deliveryId"]) == []
        assert sink.login is not None and "relay-user" in sink.login.logins
    assert (await job_row(owner_db, accepted.id))["status"] == "DONE"
    row = await job_row(owner_db, refused.id)
    assert row["status"] == "FAILED" and "535" in str(row["errors"])


async def test_system_message_outside_a_tenant_is_sent(
    settings: Settings, owner_db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server() as (sink, url):
        monkeypatch.setattr(settings, "smtp_url", url)
        job = await enqueue_email("platform-admin@example.org", "Welcome", "Your account is ready")
        assert job.tenant_id is None
        await run_due(owner_db)
        [message] = sink.copies(job.payload["deliveryId"])
    assert message["To"] == "platform-admin@example.org"
    assert (await job_row(owner_db, job.id))["status"] == "DONE"
