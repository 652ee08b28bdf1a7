"""webhookEndpoints and node(id:) for endpoints and deliveries: ADMIN and above, own tenant only."""

from __future__ import annotations

import asyncpg
import pytest

from config import Settings
from models.identity import Role
from schema.relay import to_global_id
from tests.conftest import GQL, Actor, Factory, error_codes
from tests.outbox.support import CREATE_ENDPOINT, LIST_ENDPOINTS, deliveries, run_due

NODE = (
    "query Node($id: ID!) { node(id: $id) { id ... on WebhookEndpoint { url } ... on WebhookDelivery {"
    " deliveryId status attempts lastError } } }"
)


async def endpoint(gql: GQL, admin: Actor, url: str, *events: str) -> str:
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": list(events)}}, actor=admin)
    return str(result["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"])


async def test_endpoints_list_with_delivery_history(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    admin = await factory.member(role=Role.ADMIN)
    first = await endpoint(gql, admin, "http://127.0.0.1:9/closed", "MESSAGE_CREATED")
    second = await endpoint(gql, admin, "https://hooks.example.org/b", "DEVICE_OFFLINE")
    await gql.op("CreateMessage", {"input": {"title": "Mazal tov"}}, actor=admin)
    await run_due(owner_db)
    result = await gql(LIST_ENDPOINTS, actor=admin)
    assert "errors" not in result, result
    connection = result["data"]["webhookEndpoints"]
    assert connection["totalCount"] == 2
    assert [e["node"]["id"] for e in connection["edges"]] == [second, first]
    history = connection["edges"][1]["node"]["deliveries"]
    [delivery] = [e["node"] for e in history["edges"]]
    assert delivery["event"] == "MESSAGE_CREATED" and delivery["status"] == "PENDING"
    assert delivery["attempts"] == 1 and delivery["lastStatusCode"] is None and delivery["lastError"]
    assert connection["edges"][0]["node"]["deliveries"]["totalCount"] == 0
    node = await gql(NODE, {"id": delivery["id"]}, actor=admin)
    assert node["data"]["node"]["deliveryId"] == delivery["deliveryId"]
    node = await gql(NODE, {"id": first}, actor=admin)
    assert node["data"]["node"]["url"] == "http://127.0.0.1:9/closed"


async def test_T1_foreign_endpoints_and_deliveries_are_invisible(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    foreign = await endpoint(gql, b, "http://127.0.0.1:9/closed", "MESSAGE_CREATED")
    await gql.op("CreateMessage", {"input": {"title": "B only"}}, actor=b)
    [row] = await deliveries(owner_db, b.tenant.id)  # type: ignore[union-attr]
    listed = await gql(LIST_ENDPOINTS, actor=a)
    assert listed["data"]["webhookEndpoints"]["totalCount"] == 0
    for global_id in (foreign, to_global_id("WebhookDelivery", row["id"])):
        result = await gql(NODE, {"id": global_id}, actor=a)
        assert result["data"]["node"] is None
    result = await gql(LIST_ENDPOINTS, actor=a, tenant=b.tenant)
    assert error_codes(result) == ["FORBIDDEN"]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
async def test_Z2_viewer_and_editor_cannot_read_webhooks(gql: GQL, factory: Factory, role: Role) -> None:
    admin = await factory.member(role=Role.ADMIN)
    member = await factory.member(tenant=admin.tenant, role=role)
    endpoint_id = await endpoint(gql, admin, "https://hooks.example.org/z", "MESSAGE_CREATED")
    result = await gql(LIST_ENDPOINTS, actor=member)
    assert error_codes(result) == ["FORBIDDEN"] and result["data"]["webhookEndpoints"] is None
    result = await gql(NODE, {"id": endpoint_id}, actor=member)
    assert error_codes(result) == ["FORBIDDEN"] and result["data"]["node"] is None
