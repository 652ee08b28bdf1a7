"""An admin runs the synagogue's webhooks: during a secret rotation every delivery is signed by both secrets (and
after the overlap by the new one only); a FAILED delivery is redelivered with its delivery id and body, or
discarded for good (no retry of its jobs sends it again); an endpoint is updated, disabled (its pending delivery
fails, to be redelivered) and enabled again; deliveries are listed across endpoints with filters; the new events
(content, devices) reach it; another synagogue's endpoints and deliveries read like missing ones, and callers
below ADMIN are refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import create_message
from tests.support.devices import make_tv
from tests.support.graphql import GQL, answer, assert_refused, error_codes, pk, refused_callers, user_errors
from tests.support.outbox import run_due
from tests.support.receivers import WebhookReceiver
from tests.support.snapshot import unchanged
from tests.support.webhooks import newest_endpoint_id, subscribe, verify_signature


async def _deliveries(gql: GQL, admin: Actor, **filters: Any) -> list[dict[str, Any]]:
    result = await gql.trusted("AllWebhookDeliveries", filters, actor=admin)
    assert "errors" not in result, result
    return [edge["node"] for edge in result["data"]["webhookDeliveries"]["edges"]]


@pytest.mark.usefixtures("private_targets")
async def test_both_secrets_verify_during_a_rotation_and_only_the_new_one_after_it(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    old_secret = await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    endpoint_id = await newest_endpoint_id(gql, admin)
    rotate = {"input": {"id": endpoint_id, "overlapMinutes": 60}}
    rotated = await gql.trusted("RotateWebhookSecret", rotate, actor=admin)
    payload = rotated["data"]["rotateWebhookSecret"]
    new_secret = payload["secret"]
    assert new_secret.startswith("whsec_") and new_secret != old_secret
    until = datetime.fromisoformat(payload["webhookEndpoint"]["previousSecretExpiresAt"])
    assert timedelta(minutes=59) < until - datetime.now(UTC) <= timedelta(minutes=60)

    await create_message(gql, admin, "During the overlap")
    await run_due(owner_db)
    [during] = receiver.requests
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    assert verify_signature(new_secret, during.headers, during.body)
    assert verify_signature(old_secret, during.headers, during.body)

    await owner_db.execute(
        "UPDATE webhook_endpoint SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1",
        pk(endpoint_id),
    )
    await create_message(gql, admin, "After the overlap")
    await run_due(owner_db)
    after = receiver.requests[-1]
    assert verify_signature(new_secret, after.headers, after.body)
    assert not verify_signature(old_secret, after.headers, after.body)

    no_overlap = {"input": {"id": endpoint_id, "overlapMinutes": 0}}
    at_once = await gql.trusted("RotateWebhookSecret", no_overlap, actor=admin)
    newest = at_once["data"]["rotateWebhookSecret"]["secret"]
    assert at_once["data"]["rotateWebhookSecret"]["webhookEndpoint"]["previousSecretExpiresAt"] is None
    await create_message(gql, admin, "No overlap")
    await run_due(owner_db)
    last = receiver.requests[-1]
    assert verify_signature(newest, last.headers, last.body)
    assert not verify_signature(new_secret, last.headers, last.body)


@pytest.mark.usefixtures("private_targets")
async def test_a_failed_delivery_is_redelivered_with_its_delivery_id_and_body(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    secret = await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Refused at first")
    [delivery] = await _deliveries(gql, admin)
    receiver.script_for(delivery["deliveryId"], 410)
    await run_due(owner_db)
    [failed] = await _deliveries(gql, admin, status="FAILED")
    assert failed["attempts"] == 1 and failed["lastStatusCode"] == 410

    again = await gql.trusted("RedeliverWebhookDelivery", {"input": {"id": failed["id"]}}, actor=admin)
    assert again["data"]["redeliverWebhookDelivery"]["webhookDelivery"]["status"] == "PENDING"
    twice = await gql.trusted("RedeliverWebhookDelivery", {"input": {"id": failed["id"]}}, actor=admin)
    assert [e["code"] for e in user_errors(twice, "redeliverWebhookDelivery")] == ["CONFLICT"]
    await run_due(owner_db)
    first, second = receiver.copies(delivery["deliveryId"])
    assert first.body == second.body and verify_signature(secret, second.headers, second.body)
    [done] = await _deliveries(gql, admin)
    assert (done["status"], done["attempts"], done["lastStatusCode"]) == ("DELIVERED", 2, 204)
    assert await _deliveries(gql, admin, status="FAILED") == []


async def _failed_jobs(owner_db: asyncpg.Connection, tenant_id: int) -> list[int]:
    rows = await owner_db.fetch(
        "SELECT id FROM job WHERE tenant_id = $1 AND kind = 'webhook.deliver' AND status = 'FAILED' ORDER BY id",
        tenant_id,
    )
    return [row["id"] for row in rows]


@pytest.mark.usefixtures("private_targets")
async def test_a_failed_delivery_is_discarded_for_good_and_no_retry_of_its_jobs_sends_it(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Refused twice")
    [delivery] = await _deliveries(gql, admin)
    receiver.script_for(delivery["deliveryId"], 410, 410)
    await run_due(owner_db)
    redelivered = await gql.trusted("RedeliverWebhookDelivery", {"input": {"id": delivery["id"]}}, actor=admin)
    assert user_errors(redelivered, "redeliverWebhookDelivery") == []
    await run_due(owner_db)
    jobs = await _failed_jobs(owner_db, admin.tenant.id)
    assert len(jobs) == 2, "the first job and the redelivery's both failed"

    discard = {"input": {"id": delivery["id"]}}
    discarded = await gql.trusted("DiscardWebhookDelivery", discard, actor=admin)
    assert user_errors(discarded, "discardWebhookDelivery") == []
    gone = discarded["data"]["discardWebhookDelivery"]["webhookDelivery"]
    assert (gone["id"], gone["status"], gone["attempts"]) == (delivery["id"], "DISCARDED", 2)
    assert await _failed_jobs(owner_db, admin.tenant.id) == []
    for job in jobs:  # its failed jobs went with it: nothing to retry
        retried = await gql.trusted("RetryJob", {"input": {"id": to_global_id("Job", job)}}, actor=admin)
        assert [e["code"] for e in user_errors(retried, "retryJob")] == ["NOT_FOUND"]
    for name, field in (("DiscardWebhookDelivery", "discardWebhookDelivery"),
                        ("RedeliverWebhookDelivery", "redeliverWebhookDelivery")):  # fmt: skip
        again = await gql.trusted(name, discard, actor=admin)
        assert [e["code"] for e in user_errors(again, field)] == ["CONFLICT"], name
    detail = await owner_db.fetchval(
        "SELECT detail FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2 AND action = $3",
        admin.tenant.id, admin.user.id, "webhook_delivery.discard",
    )  # fmt: skip
    audited = json.loads(detail)
    assert audited["jobs"] == [to_global_id("Job", job) for job in jobs]
    assert (audited["event"], audited["delivery_id"], audited["attempts"]) == ("MESSAGE_CREATED",
                                                                               delivery["deliveryId"], 2)  # fmt: skip

    survivor = await owner_db.fetchval(  # a failed job of the delivery that outlived the discard, all the same
        "INSERT INTO job (tenant_id, kind, status, payload, progress, total, result, errors, attempts, max_attempts,"
        " run_after, created_at, finished_at) VALUES ($1, 'webhook.deliver', 'FAILED', $2, 0, 0, '{}', '[]', 16,"
        " 16, now(), now(), now()) RETURNING id",
        admin.tenant.id, json.dumps({"delivery": pk(delivery["id"])}),
    )  # fmt: skip
    retried = await gql.trusted("RetryJob", {"input": {"id": to_global_id("Job", survivor)}}, actor=admin)
    assert user_errors(retried, "retryJob") == []
    await run_due(owner_db, survivor)
    assert len(receiver.copies(delivery["deliveryId"])) == 2, "a discarded delivery is never sent again"
    assert [d["id"] for d in await _deliveries(gql, admin, status="DISCARDED")] == [delivery["id"]]
    assert await _deliveries(gql, admin, status="FAILED") == []

    await create_message(gql, admin, "Accepted")
    await run_due(owner_db)
    delivered, _ = await _deliveries(gql, admin)
    assert delivered["status"] == "DELIVERED"
    await create_message(gql, admin, "Not sent yet")
    pending, _, _ = await _deliveries(gql, admin)
    for other in (delivered, pending):  # only a FAILED delivery can be discarded
        refused = await gql.trusted("DiscardWebhookDelivery", {"input": {"id": other["id"]}}, actor=admin)
        assert [e["code"] for e in user_errors(refused, "discardWebhookDelivery")] == ["CONFLICT"]
    assert [d["status"] for d in await _deliveries(gql, admin)] == ["PENDING", "DELIVERED", "DISCARDED"]


@pytest.mark.usefixtures("private_targets")
async def test_an_endpoint_is_updated_disabled_and_enabled_again(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    endpoint_id = await newest_endpoint_id(gql, admin)
    changes = {"id": endpoint_id, "events": ["CONTENT_CREATED", "DEVICE_REVOKED"], "description": "Website"}
    updated = await gql.trusted("UpdateWebhookEndpoint", {"input": changes}, actor=admin)
    endpoint = updated["data"]["updateWebhookEndpoint"]["webhookEndpoint"]
    assert endpoint["events"] == ["CONTENT_CREATED", "DEVICE_REVOKED"] and endpoint["description"] == "Website"
    bad = await gql.trusted("UpdateWebhookEndpoint", {"input": {"id": endpoint_id, "events": []}}, actor=admin)
    assert [e["field"] for e in user_errors(bad, "updateWebhookEndpoint")] == [["events"]]

    await create_message(gql, admin, "Announced as content")
    tv = await make_tv(admin.tenant, "Old TV")
    revoked = await gql.op("RevokeDevice", {"id": tv.gid}, actor=admin)
    assert "errors" not in revoked, revoked
    await run_due(owner_db)
    [content, device] = [r.json() for r in receiver.requests]
    assert content["type"] == "CONTENT_CREATED" and content["data"]["kind"] == "MESSAGE"
    assert device == {**device, "type": "DEVICE_REVOKED", "data": {"deviceId": tv.gid, "name": "Old TV"}}

    disable = {"input": {"id": endpoint_id, "isActive": False}}
    off = await gql.trusted("UpdateWebhookEndpoint", disable, actor=admin)
    assert off["data"]["updateWebhookEndpoint"]["webhookEndpoint"]["isActive"] is False
    await create_message(gql, admin, "Nobody listens")
    await run_due(owner_db)
    assert len(receiver.requests) == 2, "a disabled endpoint gets nothing"
    on = await gql.trusted("UpdateWebhookEndpoint", {"input": {"id": endpoint_id, "isActive": True}}, actor=admin)
    assert on["data"]["updateWebhookEndpoint"]["webhookEndpoint"]["isActive"] is True
    await create_message(gql, admin, "Heard again")
    await run_due(owner_db)
    assert [r.json()["type"] for r in receiver.requests] == ["CONTENT_CREATED", "DEVICE_REVOKED", "CONTENT_CREATED"]
    assert len(await _deliveries(gql, admin, endpointId=endpoint_id, event="CONTENT_CREATED")) == 2


async def test_cross_tenant_another_synagogues_endpoints_and_deliveries_read_like_missing_ones(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    theirs = await factory.member(role=Role.ADMIN)
    await subscribe(gql, theirs, "https://hooks.example.org/theirs", "MESSAGE_CREATED")
    await create_message(gql, theirs, "Theirs")
    their_endpoint = await newest_endpoint_id(gql, theirs)
    [their_delivery] = await _deliveries(gql, theirs)
    await owner_db.execute("UPDATE webhook_delivery SET status = 'FAILED' WHERE id = $1", pk(their_delivery["id"]))
    missing_endpoint, missing_delivery = to_global_id("WebhookEndpoint", 10**9), to_global_id("WebhookDelivery", 10**9)
    async with unchanged(owner_db, admin, theirs):
        assert await _deliveries(gql, admin, endpointId=their_endpoint) == []
        assert await _deliveries(gql, admin) == []
        for name, field, their_input, missing_input in (
            ("UpdateWebhookEndpoint", "updateWebhookEndpoint", {"id": their_endpoint, "isActive": False},
             {"id": missing_endpoint, "isActive": False}),
            ("RotateWebhookSecret", "rotateWebhookSecret", {"id": their_endpoint}, {"id": missing_endpoint}),
            ("RedeliverWebhookDelivery", "redeliverWebhookDelivery", {"id": their_delivery["id"]},
             {"id": missing_delivery}),
            ("DiscardWebhookDelivery", "discardWebhookDelivery", {"id": their_delivery["id"]},
             {"id": missing_delivery}),
        ):  # fmt: skip
            foreign = await gql.trusted(name, {"input": their_input}, actor=admin)
            ghost = await gql.trusted(name, {"input": missing_input}, actor=admin)
            assert [e["code"] for e in user_errors(foreign, field)] == ["NOT_FOUND"], name
            assert answer(foreign) == answer(ghost), name
        named = await gql.trusted("AllWebhookDeliveries", actor=admin, tenant=theirs.tenant)
        assert error_codes(named) == ["FORBIDDEN"] and named["data"] is None


async def test_missing_role_below_admin_devices_and_anonymous_callers_cannot_run_webhooks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    await subscribe(gql, admin, "https://hooks.example.org/in", "MESSAGE_CREATED")
    endpoint_id = await newest_endpoint_id(gql, admin)
    callers = refused_callers(editor, tv.headers)
    async with unchanged(owner_db, admin):
        for name, variables in (
            ("AllWebhookDeliveries", None),
            ("UpdateWebhookEndpoint", {"input": {"id": endpoint_id, "isActive": False}}),
            ("RotateWebhookSecret", {"input": {"id": endpoint_id}}),
            ("RedeliverWebhookDelivery", {"input": {"id": to_global_id("WebhookDelivery", 1)}}),
            ("DiscardWebhookDelivery", {"input": {"id": to_global_id("WebhookDelivery", 1)}}),
        ):
            await assert_refused(gql, name, variables, callers)
