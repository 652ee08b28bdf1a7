"""Helpers for outbox tests: queue in a tenant's transaction, run due jobs, make a retry due now."""

from __future__ import annotations

from typing import Any

import asyncpg

from models.base import tenant_scope
from models.outbox import Job
from services.outbox.mail import enqueue_email
from services.outbox.worker import run_pending
from tests.conftest import GQL, Actor


async def queue_email(tenant_id: int, to: str, subject: str = "Shalom", body: str = "Hello") -> Job:
    async with tenant_scope(tenant_id):
        return await enqueue_email(to, subject, body)


async def job_row(owner_db: asyncpg.Connection, job_id: int) -> dict[str, Any]:
    row = await owner_db.fetchrow("SELECT status, attempts, result, errors, run_after FROM job WHERE id = $1", job_id)
    assert row is not None
    return dict(row)


async def run_due(owner_db: asyncpg.Connection, *job_ids: int) -> None:
    """Make the given jobs due now (the backoff has passed) and run everything due."""
    if job_ids:
        await owner_db.execute("UPDATE job SET run_after = now() WHERE id = ANY($1::int[])", list(job_ids))
    await run_pending()


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
    import base64
    import hashlib
    import hmac

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


async def create_message(gql: GQL, editor: Actor, title: str) -> None:
    result = await gql.op("CreateMessage", {"input": {"title": title, "body": "Kiddush after davening"}}, actor=editor)
    assert result["data"]["createMessage"]["userErrors"] == [], result
