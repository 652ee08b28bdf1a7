"""Which webhook endpoints hear what: only the subscribed endpoints of the synagogue where the change
happened, for messages, memorial imports, devices going offline, devices paired, and content created, updated and
deleted (with its kind); a deleted endpoint's pending deliveries are dropped; refused mutations emit nothing;
another synagogue's endpoint is out of reach."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import asyncpg
import pytest

from models.base import tenant_scope
from models.devices import DeviceIdentity
from models.identity import Role
from services.content.memorial_import import start_import
from services.devices.registry import sweep_offline
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.devices import make_tv, pair_tv
from tests.support.documents import trusted
from tests.support.graphql import GQL, answer, app_of, error_codes
from tests.support.outbox import run_due
from tests.support.receivers import WebhookReceiver
from tests.support.snapshot import unchanged
from tests.support.webhooks import DELETE_ENDPOINT, LIST_ENDPOINTS, deliveries, subscribe


@pytest.mark.usefixtures("private_targets")
async def test_only_subscribed_endpoints_of_the_tenant_get_the_event(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    other = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "ALIYAH_ASSIGNED")
    await subscribe(gql, other, receiver.url, "MESSAGE_CREATED", "ALIYAH_ASSIGNED")
    await create_message(gql, admin, "Not subscribed")
    assert await deliveries(tenant_db, admin.tenant.id) == []
    result = await gql.op(
        "AssignAliyah", {"input": {"date": "2026-12-05", "aliyah": "LEVI", "personName": "Dovid"}}, actor=admin
    )
    assert result["data"]["assignAliyah"]["userErrors"] == []
    [row] = await deliveries(tenant_db, admin.tenant.id)
    assert row["event"] == "ALIYAH_ASSIGNED"
    assert await deliveries(tenant_db, other.tenant.id) == []
    await run_due(tenant_db)
    [request] = receiver.copies(row["delivery_id"])
    assert request.json()["data"] == {
        "id": request.json()["data"]["id"],
        "date": "2026-12-05",
        "aliyah": "LEVI",
        "personName": "Dovid",
    }


@pytest.mark.usefixtures("private_targets")
async def test_memorial_import_and_device_offline_reach_webhooks(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:


    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MEMORIAL_IMPORT_FINISHED", "DEVICE_OFFLINE")
    tenant_id = admin.tenant.id
    async with tenant_scope(tenant_id):
        job, problems = await start_import("name,date_of_death\nReb Chaim,2001-03-04\n", False, date(2026, 11, 25))
    assert job is not None and not problems
    await run_due(tenant_db)
    tv = await make_tv(admin.tenant)
    long_ago = datetime.now(UTC) - timedelta(minutes=10)
    await DeviceIdentity.filter(device_id=tv.device.id).update(online=True, last_seen_at=long_ago)
    await sweep_offline(app_of(gql.http).state.broadcast)
    await run_due(tenant_db)
    rows = await deliveries(tenant_db, tenant_id)
    assert [(r["event"], r["status"]) for r in rows] == [
        ("MEMORIAL_IMPORT_FINISHED", "DELIVERED"),
        ("DEVICE_OFFLINE", "DELIVERED"),
    ]
    imported = receiver.copies(rows[0]["delivery_id"])[0].json()["data"]
    assert imported == {"jobId": job.id, "imported": 1, "failed": 0, "total": 1}
    assert json.loads(receiver.copies(rows[1]["delivery_id"])[0].body)["data"] == {"deviceId": tv.device.id}


@pytest.mark.usefixtures("private_targets")
async def test_a_paired_device_and_content_created_updated_and_deleted_reach_webhooks_with_its_kind(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    events = ("DEVICE_PAIRED", "CONTENT_CREATED", "CONTENT_UPDATED", "CONTENT_DELETED")
    await subscribe(gql, admin, receiver.url, *events)
    tv, _ = await pair_tv(gql, admin, "Hall TV")
    departed = {"name": "Reb Zalman", "dateOfDeath": "2001-05-06"}
    created = await gql.op("CreateMemorial", {"input": departed}, actor=admin)
    memorial_id = created["data"]["createMemorial"]["memorial"]["id"]
    edit = {"input": {"id": memorial_id, "plaque": "North wall"}}
    assert (await gql(trusted("UpdateMemorial").text, edit, actor=admin))["data"]["updateMemorial"]["userErrors"] == []
    prayer = {"name": "Mincha", "days": ["SUNDAY"], "fixedTime": "13:30"}
    made = await gql.op("CreatePrayerTime", {"input": prayer}, actor=admin)
    prayer_id = made["data"]["createPrayerTime"]["prayerTime"]["id"]
    gone = await gql(trusted("DeletePrayerTime").text, {"id": prayer_id}, actor=admin)
    assert gone["data"]["deletePrayerTime"]["userErrors"] == [], gone
    await run_due(owner_db)
    rows = await deliveries(owner_db, admin.tenant.id)
    assert {row["status"] for row in rows} == {"DELIVERED"}
    sent = [(row["event"], receiver.copies(row["delivery_id"])[0].json()["data"]) for row in rows]
    assert sent == [
        ("DEVICE_PAIRED", {"deviceId": tv.gid, "name": "Hall TV"}),
        ("CONTENT_CREATED", {"kind": "MEMORIAL", "id": memorial_id}),
        ("CONTENT_UPDATED", {"kind": "MEMORIAL", "id": memorial_id}),
        ("CONTENT_CREATED", {"kind": "PRAYER_TIME", "id": prayer_id}),
        ("CONTENT_DELETED", {"kind": "PRAYER_TIME", "id": prayer_id}),
    ]


@pytest.mark.usefixtures("private_targets")
async def test_deleting_an_endpoint_drops_its_pending_deliveries(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Never sent")
    [row] = await deliveries(tenant_db, admin.tenant.id)
    listed = await gql(LIST_ENDPOINTS, actor=admin)
    endpoint_id = listed["data"]["webhookEndpoints"]["edges"][0]["node"]["id"]
    result = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=admin)
    assert result["data"]["deleteWebhookEndpoint"] == {"deletedId": endpoint_id, "userErrors": []}
    await run_due(tenant_db)
    assert receiver.copies(row["delivery_id"]) == []
    assert await tenant_db.fetchval("SELECT status FROM job WHERE id = $1", row["job_id"]) == "DONE"


@pytest.mark.usefixtures("private_targets")
async def test_Z1_missing_role_refused_mutation_of_a_viewer_or_outsider_emits_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    outsider = await factory.member(role=Role.OWNER)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    async with unchanged(owner_db, admin, outsider):
        refused = await gql.op("CreateMessage", {"input": {"title": "Not allowed"}}, actor=viewer)
        assert error_codes(refused) == ["FORBIDDEN"]
        refused = await gql.op("CreateMessage", {"input": {"title": "Not mine"}}, actor=outsider, tenant=admin.tenant)
        assert error_codes(refused) == ["FORBIDDEN"]
        assert await deliveries(tenant_db, admin.tenant.id) == []


@pytest.mark.usefixtures("private_targets")
async def test_cross_tenant_a_foreign_endpoint_is_not_deleted_and_its_deliveries_still_go_out(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection, receiver: WebhookReceiver
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    stranger = await factory.member(role=Role.ADMIN)
    await subscribe(gql, admin, receiver.url, "MESSAGE_CREATED")
    await create_message(gql, admin, "Still sent")
    [row] = await deliveries(tenant_db, admin.tenant.id)
    endpoint_id = (await gql(LIST_ENDPOINTS, actor=admin))["data"]["webhookEndpoints"]["edges"][0]["node"]["id"]

    async with unchanged(owner_db, admin, stranger):
        foreign = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=stranger)
        missing = await gql(DELETE_ENDPOINT, {"input": {"id": to_global_id("WebhookEndpoint", 10**9)}}, actor=stranger)
        assert [e["code"] for e in foreign["data"]["deleteWebhookEndpoint"]["userErrors"]] == ["NOT_FOUND"]
        assert answer(foreign) == answer(missing)
        assert (await gql(LIST_ENDPOINTS, actor=stranger))["data"]["webhookEndpoints"]["totalCount"] == 0

    await run_due(owner_db)
    [request] = receiver.copies(row["delivery_id"])
    assert request.json()["data"]["title"] == "Still sent"
    assert await deliveries(owner_db, stranger.tenant.id) == []
