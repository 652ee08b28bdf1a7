"""webhookEndpoints and node(id:) for endpoints and deliveries: ADMIN and above, own tenant only."""

from __future__ import annotations

import asyncpg
import pytest

from config import Settings
from models.identity import Role
from services.infra.ids import decode_id, to_global_id
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.outbox import run_due
from tests.support.snapshot import unchanged
from tests.support.statements import count_statements
from tests.support.webhooks import CREATE_ENDPOINT, LIST_ENDPOINTS, deliveries

NODE = (
    "query Node($id: ID!) { node(id: $id) { id ... on WebhookEndpoint { url } ... on WebhookDelivery {"
    " deliveryId status attempts lastError } } }"
)


async def endpoint(gql: GQL, admin: Actor, url: str, *events: str) -> str:
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": list(events)}}, actor=admin)
    return str(result["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"])


async def test_endpoints_list_with_delivery_history(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    admin = await factory.member(role=Role.ADMIN)
    first = await endpoint(gql, admin, "http://127.0.0.1:9/closed", "MESSAGE_CREATED")
    second = await endpoint(gql, admin, "https://hooks.example.org/b", "DEVICE_OFFLINE")
    await gql.op("CreateMessage", {"input": {"title": "Mazal tov"}}, actor=admin)
    await run_due(tenant_db)
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


async def test_T1_cross_tenant_foreign_endpoints_and_deliveries_are_invisible(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection,
    tenant_db: asyncpg.Connection, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    foreign = await endpoint(gql, b, "http://127.0.0.1:9/closed", "MESSAGE_CREATED")
    await gql.op("CreateMessage", {"input": {"title": "B only"}}, actor=b)
    [row] = await deliveries(tenant_db, b.tenant.id)
    async with unchanged(owner_db, a, b):
        listed = await gql(LIST_ENDPOINTS, actor=a)
        assert listed["data"]["webhookEndpoints"]["totalCount"] == 0
        for global_id in (foreign, to_global_id("WebhookDelivery", row["id"])):
            result = await gql(NODE, {"id": global_id}, actor=a)
            assert result["data"]["node"] is None
        result = await gql(LIST_ENDPOINTS, actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
async def test_Z2_missing_role_viewer_and_editor_cannot_read_webhooks(
    gql: GQL, factory: Factory, role: Role, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    member = await factory.member(tenant=admin.tenant, role=role)
    endpoint_id = await endpoint(gql, admin, "https://hooks.example.org/z", "MESSAGE_CREATED")
    async with unchanged(owner_db, admin):
        result = await gql(LIST_ENDPOINTS, actor=member)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["webhookEndpoints"] is None
        result = await gql(NODE, {"id": endpoint_id}, actor=member)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["node"] is None


PAGED = (
    "query Endpoints($after: String) { webhookEndpoints { edges { node { id deliveries(first: 2, after: $after) {"
    " totalCount pageInfo { hasNextPage endCursor } edges { node { id event } } } } } } }"
)


async def test_deliveries_of_every_endpoint_cost_the_same_statements_for_1_and_4_endpoints(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    first = await endpoint(gql, admin, "https://hooks.example.org/1", "MESSAGE_CREATED")
    for n in range(3):
        await gql.op("CreateMessage", {"input": {"title": f"First {n}"}}, actor=admin)
    with count_statements() as one:
        alone = await gql(PAGED, actor=admin)
    for n in range(3):
        await endpoint(gql, admin, f"https://hooks.example.org/more-{n}", "MESSAGE_CREATED")
    for n in range(3):
        await gql.op("CreateMessage", {"input": {"title": f"Then {n}"}}, actor=admin)
    with count_statements() as four:
        together = await gql(PAGED, actor=admin)
    assert "errors" not in alone and "errors" not in together, together
    assert len(one) > 0 and len(one) == len(four), (one, four)
    nodes = [e["node"] for e in together["data"]["webhookEndpoints"]["edges"]]
    assert nodes[-1]["id"] == first
    totals = [(n["deliveries"]["totalCount"], len(n["deliveries"]["edges"])) for n in nodes]
    assert totals == [(3, 2), (3, 2), (3, 2), (6, 2)]
    assert all(n["deliveries"]["pageInfo"]["hasNextPage"] for n in nodes)
    rows = await deliveries(tenant_db, admin.tenant.id)
    mine = sorted((r["id"] for r in rows if r["endpoint_id"] == _pk(first)), reverse=True)
    cursor = nodes[-1]["deliveries"]["pageInfo"]["endCursor"]
    with count_statements() as deeper:
        following = await gql(PAGED, {"after": cursor}, actor=admin)
    page = following["data"]["webhookEndpoints"]["edges"][-1]["node"]["deliveries"]
    assert [_pk(e["node"]["id"]) for e in page["edges"]] == mine[2:4] and page["totalCount"] == 6
    # the database skips the earlier deliveries (a deep cursor never loads them)
    assert any("webhook_delivery" in sql and "OFFSET" in sql.upper() for sql in deeper), deeper


def _pk(global_id: str) -> int | None:
    return decode_id(global_id, ("WebhookEndpoint", "WebhookDelivery"))
