"""Webhook deliveries by the worker to a real local HTTP receiver: signed per Standard Webhooks, one
delivery id across retries, retried on 5xx and timeouts, failed on 4xx and redirects, refused for
private addresses unless allowed, and produced where the domain changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from config import Settings
from models.base import tenant_scope
from models.devices import DeviceIdentity
from models.identity import Role
from schema.relay import to_global_id
from services.devices import sweep_offline
from tests.conftest import GQL, Actor, Factory, answer, error_codes
from tests.devices.helpers import make_tv
from tests.outbox.servers import WebhookReceiver, webhook_receiver
from tests.outbox.support import (
    CREATE_ENDPOINT,
    DELETE_ENDPOINT,
    LIST_ENDPOINTS,
    deliveries,
    run_due,
    verify_signature,
)


@pytest.fixture
def private_targets(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as running:
        yield running


async def subscribe(gql: GQL, admin: Actor, url: str, *events: str) -> str:
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": list(events)}}, actor=admin)
    payload = result["data"]["createWebhookEndpoint"]
    assert payload["userErrors"] == [], payload
    return str(payload["secret"])


async def create_message(gql: GQL, editor: Actor, title: str) -> None:
    result = await gql.op("CreateMessage", {"input": {"title": title, "body": "Kiddush after davening"}}, actor=editor)
    assert result["data"]["createMessage"]["userErrors"] == [], result


@pytest.mark.usefixtures("private_targets")
async def test_event_is_delivered_signed_per_standard_webhooks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    secret = await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    assert secret.startswith("whsec_")
    await create_message(gql, admin, "Kiddush")
    [delivery] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    await run_due(owner_db)
    [request] = receiver.copies(delivery["delivery_id"])
    assert request.path == "/hooks" and request.headers["content-type"] == "application/json"
    assert verify_signature(secret, request.headers, request.body)
    assert not verify_signature("whsec_" + secret[6:][::-1], request.headers, request.body)
    assert abs(int(request.headers["webhook-timestamp"]) - datetime.now(UTC).timestamp()) < 600
    event = request.json()
    assert event["type"] == "MESSAGE_CREATED" and event["data"]["title"] == "Kiddush"
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
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
    [delivery] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    receiver.script_for(delivery["delivery_id"], 503)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("PENDING", 1, 503)
    assert row["last_error"].startswith("HTTP 503") and row["job_status"] == "PENDING"
    await run_due(owner_db, row["job_id"])
    first, second = receiver.copies(delivery["delivery_id"])
    assert first.body == second.body
    assert verify_signature(secret, first.headers, first.body) and verify_signature(secret, second.headers, second.body)
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
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
    [delivery] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    receiver.script_for(delivery["delivery_id"], hang_once=True)
    monkeypatch.setattr(settings, "webhook_timeout_seconds", 0.5)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["attempts"], row["last_status_code"]) == ("PENDING", 1, None)
    assert row["last_error"].startswith("timeout")
    receiver.script.release.set()
    await run_due(owner_db, row["job_id"])
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
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
    [delivery] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    receiver.script_for(delivery["delivery_id"], status)
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["attempts"], row["last_status_code"], row["job_status"]) == (
        "FAILED", 1, status, "FAILED"
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
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["job_status"], row["last_status_code"]) == ("FAILED", "FAILED", None)
    assert "loopback, private or link-local" in row["last_error"]
    assert receiver.copies(row["delivery_id"]) == []


@pytest.mark.usefixtures("private_targets")
async def test_only_subscribed_endpoints_of_the_tenant_get_the_event(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    other = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "ALIYAH_ASSIGNED")
    await subscribe(gql, other, receiver.url, "MESSAGE_CREATED", "ALIYAH_ASSIGNED")
    await create_message(gql, admin, "Not subscribed")
    assert await deliveries(owner_db, admin.tenant.id) == []  # type: ignore[union-attr]
    result = await gql.op(
        "AssignAliyah", {"input": {"date": "2026-12-05", "aliyah": "LEVI", "personName": "Dovid"}}, actor=admin
    )
    assert result["data"]["assignAliyah"]["userErrors"] == []
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert row["event"] == "ALIYAH_ASSIGNED"
    assert await deliveries(owner_db, other.tenant.id) == []  # type: ignore[union-attr]
    await run_due(owner_db)
    [request] = receiver.copies(row["delivery_id"])
    assert request.json()["data"] == {
        "id": request.json()["data"]["id"], "date": "2026-12-05", "aliyah": "LEVI", "personName": "Dovid"
    }


@pytest.mark.usefixtures("private_targets")
async def test_memorial_import_and_device_offline_reach_webhooks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    from datetime import date

    from services.memorial_import import start_import

    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MEMORIAL_IMPORT_FINISHED", "DEVICE_OFFLINE")
    tenant_id = admin.tenant.id  # type: ignore[union-attr]
    async with tenant_scope(tenant_id):
        job, problems = await start_import("name,date_of_death\nReb Chaim,2001-03-04\n", False, date(2026, 11, 25))
    assert job is not None and not problems
    await run_due(owner_db)
    tv = await make_tv(admin.tenant)  # type: ignore[arg-type]
    long_ago = datetime.now(UTC) - timedelta(minutes=10)
    await DeviceIdentity.filter(device_id=tv.device.id).update(online=True, last_seen_at=long_ago)
    await sweep_offline(gql.http._transport.app.state.broadcast)  # type: ignore[attr-defined]
    await run_due(owner_db)
    rows = await deliveries(owner_db, tenant_id)
    assert [(r["event"], r["status"]) for r in rows] == [
        ("MEMORIAL_IMPORT_FINISHED", "DELIVERED"), ("DEVICE_OFFLINE", "DELIVERED")
    ]
    imported = receiver.copies(rows[0]["delivery_id"])[0].json()["data"]
    assert imported == {"jobId": job.id, "imported": 1, "failed": 0, "total": 1}
    assert json.loads(receiver.copies(rows[1]["delivery_id"])[0].body)["data"] == {"deviceId": tv.device.id}


@pytest.mark.usefixtures("private_targets")
async def test_deleting_an_endpoint_drops_its_pending_deliveries(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Never sent")
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    listed = await gql(LIST_ENDPOINTS, actor=admin)
    endpoint_id = listed["data"]["webhookEndpoints"]["edges"][0]["node"]["id"]
    result = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=admin)
    assert result["data"]["deleteWebhookEndpoint"] == {"deletedId": endpoint_id, "userErrors": []}
    await run_due(owner_db)
    assert receiver.copies(row["delivery_id"]) == []
    assert await owner_db.fetchval("SELECT status FROM job WHERE id = $1", row["job_id"]) == "DONE"


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
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["job_status"]) == ("FAILED", "FAILED")
    assert "SECRETS_KEY" in row["last_error"] and receiver.copies(row["delivery_id"]) == []


@pytest.mark.usefixtures("private_targets")
async def test_last_attempt_lost_with_its_worker_marks_the_delivery_failed(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    from services.webhooks import WEBHOOK_MAX_ATTEMPTS

    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Last try")
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    await owner_db.execute(
        "UPDATE job SET status = 'RUNNING', attempts = $2, locked_until = now() - interval '1 second' WHERE id = $1",
        row["job_id"],
        WEBHOOK_MAX_ATTEMPTS,
    )
    await run_due(owner_db)
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    assert (row["status"], row["job_status"]) == ("FAILED", "FAILED")
    assert "worker was lost" in row["last_error"] and receiver.copies(row["delivery_id"]) == []


@pytest.mark.usefixtures("private_targets")
async def test_Z1_missing_role_refused_mutation_of_a_viewer_or_outsider_emits_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    outsider = await factory.member(role=Role.OWNER)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    refused = await gql.op("CreateMessage", {"input": {"title": "Not allowed"}}, actor=viewer)
    assert error_codes(refused) == ["FORBIDDEN"]
    refused = await gql.op("CreateMessage", {"input": {"title": "Not mine"}}, actor=outsider, tenant=admin.tenant)
    assert error_codes(refused) == ["FORBIDDEN"]
    assert await deliveries(owner_db, admin.tenant.id) == []  # type: ignore[union-attr]


@pytest.mark.usefixtures("private_targets")
async def test_cross_tenant_a_foreign_endpoint_is_not_deleted_and_its_deliveries_still_go_out(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Still sent")
    [row] = await deliveries(owner_db, admin.tenant.id)  # type: ignore[union-attr]
    endpoint_id = (await gql(LIST_ENDPOINTS, actor=admin))["data"]["webhookEndpoints"]["edges"][0]["node"]["id"]

    foreign = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=stranger)
    missing = await gql(DELETE_ENDPOINT, {"input": {"id": to_global_id("WebhookEndpoint", 10**9)}}, actor=stranger)
    assert [e["code"] for e in foreign["data"]["deleteWebhookEndpoint"]["userErrors"]] == ["NOT_FOUND"]
    assert answer(foreign) == answer(missing)
    assert (await gql(LIST_ENDPOINTS, actor=stranger))["data"]["webhookEndpoints"]["totalCount"] == 0

    await run_due(owner_db)
    [request] = receiver.copies(row["delivery_id"])
    assert request.json()["data"]["title"] == "Still sent"
    assert await deliveries(owner_db, stranger.tenant.id) == []  # type: ignore[union-attr]
