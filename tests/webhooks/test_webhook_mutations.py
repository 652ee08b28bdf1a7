"""createWebhookEndpoint / deleteWebhookEndpoint: ADMIN and above, secret shown once and stored sealed,
bad URLs (private addresses unless allowed) refused as user errors, foreign ids not found."""

from __future__ import annotations

import asyncpg
import pytest

from config import Settings
from models.identity import Role
from tests.support.actors import Factory
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged
from tests.support.webhooks import CREATE_ENDPOINT, DELETE_ENDPOINT, LIST_ENDPOINTS

URL = "https://hooks.example.org/shul"


async def test_create_shows_the_secret_once_and_stores_it_sealed(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    variables = {"input": {"url": URL, "events": ["MESSAGE_CREATED", "DEVICE_OFFLINE"], "description": "CRM"}}
    result = await gql(CREATE_ENDPOINT, variables, actor=admin)
    payload = result["data"]["createWebhookEndpoint"]
    assert payload["userErrors"] == [] and payload["secret"].startswith("whsec_")
    endpoint = payload["webhookEndpoint"]
    assert endpoint["url"] == URL and endpoint["isActive"] and endpoint["description"] == "CRM"
    assert sorted(endpoint["events"]) == ["DEVICE_OFFLINE", "MESSAGE_CREATED"]
    stored = await tenant_db.fetchval(
        "SELECT secret_sealed FROM webhook_endpoint WHERE tenant_id = $1", admin.tenant.id
    )
    assert stored.startswith("v1:") and payload["secret"] not in stored and payload["secret"][6:] not in stored
    listed = await gql(LIST_ENDPOINTS, actor=admin)
    assert payload["secret"] not in str(listed) and "secret" not in str(listed)
    audit = await tenant_db.fetchval(
        "SELECT count(*) FROM audit_entry WHERE tenant_id = $1 AND action = 'webhook_endpoint.create'",
        admin.tenant.id,
    )
    assert audit == 1


@pytest.mark.parametrize(
    ("url", "events", "field", "code"),
    [
        ("", ["MESSAGE_CREATED"], "url", "REQUIRED"),
        ("ftp://hooks.example.org/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("https://user:pw@hooks.example.org/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://127.0.0.1:9/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://localhost/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://169.254.169.254/latest/meta-data", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://10.1.2.3/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://[::1]/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        ("http://[::ffff:127.0.0.1]/x", ["MESSAGE_CREATED"], "url", "INVALID"),
        (URL, [], "events", "REQUIRED"),
    ],
)
async def test_bad_input_is_a_user_error_and_writes_nothing(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection,
    url: str, events: list[str], field: str, code: str
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": events}}, actor=admin)
    payload = result["data"]["createWebhookEndpoint"]
    assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [([field], code)]
    assert payload["webhookEndpoint"] is None and payload["secret"] is None
    count = await tenant_db.fetchval(
        "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = $1", admin.tenant.id
    )
    assert count == 0


async def test_private_address_is_accepted_when_the_setting_allows_it(
    gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    admin = await factory.member(role=Role.ADMIN)
    result = await gql(CREATE_ENDPOINT, {"input": {"url": "http://127.0.0.1:9/x", "events": ["ALIYAH_ASSIGNED"]}},
                       actor=admin)  # fmt: skip
    assert result["data"]["createWebhookEndpoint"]["userErrors"] == []


async def test_delete_removes_the_endpoint(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.OWNER)
    created = await gql(CREATE_ENDPOINT, {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}, actor=admin)
    endpoint_id = created["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"]
    result = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=admin)
    assert result["data"]["deleteWebhookEndpoint"] == {"deletedId": endpoint_id, "userErrors": []}
    again = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=admin)
    assert [e["code"] for e in again["data"]["deleteWebhookEndpoint"]["userErrors"]] == ["NOT_FOUND"]
    count = await tenant_db.fetchval(
        "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = $1", admin.tenant.id
    )
    assert count == 0


async def test_T3_cross_tenant_foreign_endpoint_is_not_found_and_survives(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    created = await gql(CREATE_ENDPOINT, {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}, actor=b)
    foreign_id = created["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"]
    async with unchanged(owner_db, a, b):
        foreign = await gql(DELETE_ENDPOINT, {"input": {"id": foreign_id}}, actor=a)
        missing = await gql(DELETE_ENDPOINT, {"input": {"id": "V2ViaG9va0VuZHBvaW50Ojk5OTk5OTk5"}}, actor=a)
        assert foreign["data"] == missing["data"]
        assert [e["code"] for e in foreign["data"]["deleteWebhookEndpoint"]["userErrors"]] == ["NOT_FOUND"]
        count = await tenant_db.fetchval(
            "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = $1", b.tenant.id
        )
        assert count == 1


async def test_T1_cross_tenant_admin_cannot_act_in_another_tenant(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.ADMIN)
    variables = {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}
    async with unchanged(owner_db, a, b):
        result = await gql(CREATE_ENDPOINT, variables, actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"] and not (result.get("data") or {}).get("createWebhookEndpoint")
        count = await tenant_db.fetchval(
            "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = ANY($1::int[])",
            [a.tenant.id, b.tenant.id],
        )
        assert count == 0


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
async def test_Z1_missing_role_viewer_and_editor_cannot_manage_webhooks(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection, role: Role
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    member = await factory.member(tenant=admin.tenant, role=role)
    async with unchanged(owner_db, admin):
        result = await gql(CREATE_ENDPOINT, {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}, actor=member)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["createWebhookEndpoint"] is None
    created = await gql(CREATE_ENDPOINT, {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}, actor=admin)
    endpoint_id = created["data"]["createWebhookEndpoint"]["webhookEndpoint"]["id"]
    async with unchanged(owner_db, admin):
        result = await gql(DELETE_ENDPOINT, {"input": {"id": endpoint_id}}, actor=member)
        assert error_codes(result) == ["FORBIDDEN"] and result["data"]["deleteWebhookEndpoint"] is None
        count = await tenant_db.fetchval(
            "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = $1", admin.tenant.id
        )
        assert count == 1


async def test_unauthenticated_is_refused(gql: GQL, factory: Factory) -> None:
    tenant = await factory.tenant()
    result = await gql(CREATE_ENDPOINT, {"input": {"url": URL, "events": ["MESSAGE_CREATED"]}}, tenant=tenant)
    assert error_codes(result) == ["UNAUTHENTICATED"]
