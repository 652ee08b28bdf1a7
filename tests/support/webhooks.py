"""Webhooks for tests: a synagogue's endpoint made through the API as its admin would, the deliveries the
worker recorded (read past row-level security), and the signature checked by the Standard Webhooks spec
independently of the signer's code."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import asyncpg

from tests.support.actors import Actor
from tests.support.graphql import GQL

CREATE_ENDPOINT = (
    "mutation Create($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {"
    " webhookEndpoint { id url events isActive description createdAt } secret userErrors { field code message } } }"
)
DELETE_ENDPOINT = (
    "mutation Delete($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) {"
    " deletedId userErrors { field code message } } }"
)
LIST_ENDPOINTS = (
    "query Endpoints { webhookEndpoints { totalCount edges { node { id url events isActive"
    " deliveries { totalCount edges { node { id deliveryId event status attempts lastStatusCode lastError"
    " deliveredAt } } } } } } }"
)


def verify_signature(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """Check a request against the Standard Webhooks spec, independently of the signer's code."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    offered = [part.split(",", 1)[1] for part in headers["webhook-signature"].split(" ") if part.startswith("v1,")]
    return any(hmac.compare_digest(expected, signature) for signature in offered)


async def deliveries(owner_db: asyncpg.Connection, tenant_id: int) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT d.id, d.delivery_id::text AS delivery_id, d.event, d.status, d.attempts, d.last_status_code,"
        " d.last_error, d.endpoint_id, j.id AS job_id, j.status AS job_status, j.attempts AS job_attempts"
        " FROM webhook_delivery d JOIN job j ON j.kind = 'webhook.deliver' AND (j.payload->>'delivery')::int = d.id"
        " WHERE d.tenant_id = $1 ORDER BY d.id",
        tenant_id,
    )
    return [dict(row) for row in rows]


async def subscribe(gql: GQL, admin: Actor, url: str, *events: str) -> str:
    """A webhook endpoint of the admin's synagogue for `events`; its signing secret."""
    result = await gql(CREATE_ENDPOINT, {"input": {"url": url, "events": list(events)}}, actor=admin)
    payload = result["data"]["createWebhookEndpoint"]
    assert payload["userErrors"] == [], payload
    return str(payload["secret"])


async def newest_endpoint_id(gql: GQL, admin: Actor) -> str:
    """The global id of the newest webhook endpoint of the admin's synagogue, as the admin app lists it."""
    listed = await gql.trusted("WebhookEndpoints", actor=admin)
    found: str = listed["data"]["webhookEndpoints"]["edges"][0]["node"]["id"]
    return found
