"""Webhook deliveries by the worker to a real local HTTP receiver: signed per Standard Webhooks, one
delivery id across retries, retried on 5xx and timeouts, failed on 4xx and redirects, refused for
private addresses unless allowed; a delivery whose secret or worker is lost fails clearly."""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg
import pytest

from config import Settings
from models.identity import Role
from services.webhooks.endpoints import WEBHOOK_MAX_ATTEMPTS
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.graphql import GQL
from tests.support.outbox import run_due
from tests.support.receivers import WebhookReceiver
from tests.support.webhooks import LIST_ENDPOINTS, deliveries, subscribe, verify_signature


@pytest.mark.usefixtures("private_targets")
async def test_event_is_delivered_signed_per_standard_webhooks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    secret = await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    assert secret.startswith("whsec_")
    await create_message(gql, admin, "Kiddush")
    [delivery] = await deliveries(owner_db, admin.tenant.id)
    await run_due(owner_db)
    [request] = receiver.copies(delivery["delivery_id"])
    assert request.path == "/hooks" and request.headers["content-type"] == "application/json"
    assert verify_signature(secret, request.headers, request.body)
    assert not verify_signature("whsec_" + secret[6:][::-1], request.headers, request.body)
    assert abs(int(request.headers["webhook-timestamp"]) - datetime.now(UTC).timestamp()) < 600
    event = request.json()
    assert event["type"] == "MESSAGE_CREATED" and event["data"]["title"] == "Kiddush"
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"], row["last_status_code"], row["job_status"]) == ("DELIVERED", 1, 204, "DONE")
    listed = await gql(LIST_ENDPOINTS, actor=admin)
    [edge] = listed["data"]["webhookEndpoints"]["edges"][0]["node"]["deliveries"]["edges"]
    assert edge["node"]["deliveryId"] == delivery["delivery_id"] and edge["node"]["status"] == "DELIVERED"


@pytest.mark.usefixtures("private_targets")
async def test_server_error_is_retried_with_the_same_id_and_body(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    secret = await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Shiur moved")
    [delivery] = await deliveries(owner_db, admin.tenant.id)
    receiver.script_for(delivery["delivery_id"], 503)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("PENDING", 1, 503)
    assert row["last_error"].startswith("HTTP 503") and row["job_status"] == "PENDING"
    await run_due(owner_db, row["job_id"])
    first, second = receiver.copies(delivery["delivery_id"])
    assert first.body == second.body
    assert verify_signature(secret, first.headers, first.body) and verify_signature(secret, second.headers, second.body)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"], row["last_error"], row["job_status"]) == ("DELIVERED", 2, "", "DONE")


@pytest.mark.usefixtures("private_targets")
async def test_timeout_is_retried(
    gql: GQL,
    factory: Factory,
    owner_db: asyncpg.Connection,
    receiver: WebhookReceiver,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Slow receiver")
    [delivery] = await deliveries(owner_db, admin.tenant.id)
    receiver.script_for(delivery["delivery_id"], hang_once=True)
    monkeypatch.setattr(settings, "webhook_timeout_seconds", 0.5)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("PENDING", 1, None)
    assert row["last_error"].startswith("timeout")
    receiver.script.release.set()
    await run_due(owner_db, row["job_id"])
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"]) == ("DELIVERED", 2)
    assert {r.headers["webhook-id"] for r in receiver.copies(delivery["delivery_id"])} == {delivery["delivery_id"]}


@pytest.mark.usefixtures("private_targets")
@pytest.mark.parametrize(("status", "why"), [(410, "HTTP 410"), (302, "redirects are not followed")])
async def test_client_error_or_redirect_fails_without_retry(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver, status: int, why: str
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Gone")
    [delivery] = await deliveries(owner_db, admin.tenant.id)
    receiver.script_for(delivery["delivery_id"], status)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["attempts"], row["last_status_code"], row["job_status"]) == (
        "FAILED",
        1,
        status,
        "FAILED",
    )
    assert why in row["last_error"]
    assert [r.path for r in receiver.requests if r.headers.get("webhook-id") == delivery["delivery_id"]] == ["/hooks"]


async def test_private_address_is_refused_at_delivery_unless_allowed(
    gql: GQL,
    factory: Factory,
    owner_db: asyncpg.Connection,
    receiver: WebhookReceiver,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    await subscribe(gql, admin, receiver.url.replace("127.0.0.1", "localhost"), "MESSAGE_CREATED")
    monkeypatch.setattr(settings, "webhook_allow_private_targets", False)
    await create_message(gql, admin, "Rebound")
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["job_status"], row["last_status_code"]) == ("FAILED", "FAILED", None)
    assert "loopback, private or link-local" in row["last_error"]
    assert receiver.copies(row["delivery_id"]) == []


@pytest.mark.usefixtures("private_targets")
async def test_secret_sealed_under_another_key_fails_the_delivery_clearly(
    gql: GQL,
    factory: Factory,
    owner_db: asyncpg.Connection,
    receiver: WebhookReceiver,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    monkeypatch.setattr(settings, "secrets_key", "a-key-the-secret-was-not-sealed-with")
    await create_message(gql, admin, "Key rotated")
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["job_status"]) == ("FAILED", "FAILED")
    assert "SECRETS_KEY" in row["last_error"] and receiver.copies(row["delivery_id"]) == []


@pytest.mark.usefixtures("private_targets")
async def test_last_attempt_lost_with_its_worker_marks_the_delivery_failed(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Last try")
    [row] = await deliveries(owner_db, admin.tenant.id)
    await owner_db.execute(
        "UPDATE job SET status = 'RUNNING', attempts = $2, locked_until = now() - interval '1 second' WHERE id = $1",
        row["job_id"],
        WEBHOOK_MAX_ATTEMPTS,
    )
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)
    assert (row["status"], row["job_status"]) == ("FAILED", "FAILED")
    assert "worker was lost" in row["last_error"] and receiver.copies(row["delivery_id"]) == []
