"""Webhooks: endpoints per synagogue, events fanned out to them, signed deliveries by the worker.

`emit(event, data)` runs in the transaction of the change it announces: it writes one
`WebhookDelivery` (with a fresh delivery id) and one job per subscribed endpoint, so an event exists
exactly when the change does. A scheduled event (YAHRZEIT_UPCOMING, from the daily yahrzeit sweeps) has its
schedule started when an endpoint starts hearing it. The worker POSTs the event signed per the Standard Webhooks spec
(`webhook-id` = delivery id, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`);
a worker that dies mid-delivery leaves the job to be claimed again, and the retry carries the same
delivery id. A delivery recorded as DELIVERED is never sent again: the record and the job's end
commit together.

Targets are resolved before each attempt and refused when any address is not global (loopback,
private, link-local, ...) unless `WEBHOOK_ALLOW_PRIVATE_TARGETS`; the request goes to the checked
address, and redirects are not followed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from cryptography.exceptions import InvalidTag

from config import get_settings
from models.base import current_tenant_id, tenant_id_or_none, tenant_scope
from models.webhooks import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from services.content.yahrzeit_reminders import ensure_reminders
from services.infra.problems import Problem
from services.outbox.queue import JobRun, enqueue, handler
from services.webhooks.targets import (
    RefusedTarget,
    check_target,
    check_url,
    new_secret,
    open_secret,
    pinned_request,
    seal_secret,
    sign,
)

log = logging.getLogger("shulgraph.webhooks")

WEBHOOK_JOB = "webhook.deliver"
WEBHOOK_MAX_ATTEMPTS = 15  # with the queue's doubling backoff from 5 s: about 23 hours of retries
"""Attempts to send; the job may be claimed once more, only to record that the last attempt's worker died."""
MAX_ERROR_LENGTH = 500
MAX_DESCRIPTION_LENGTH = 200
ENDPOINT_NOT_FOUND = Problem("id", "NOT_FOUND", "webhook endpoint not found")
"""deleteWebhookEndpoint's answer to an id that is missing or another synagogue's (the two look alike)."""

__all__ = ["RefusedTarget", "add_endpoint", "check_url", "create_endpoint", "emit", "sign", "signing_secrets"]


@dataclass(frozen=True)
class NewEndpoint:
    """An endpoint just stored and its signing secret: the secret is shown this once."""

    endpoint: WebhookEndpoint
    secret: str


async def endpoint_problems(
    url: str, events: list[WebhookEvent], description: str, *, allow_private: bool
) -> list[Problem]:
    """Every problem of a new endpoint (`url` and `description` already stripped): a URL webhooks may reach (see
    `check_target`), at least one event, a description of at most `MAX_DESCRIPTION_LENGTH` characters."""
    problems: list[Problem] = []
    if not url:
        problems.append(Problem("url", "REQUIRED", "a URL is needed"))
    else:
        try:
            await check_target(url, allow_private)
        except RefusedTarget as error:
            problems.append(Problem("url", "INVALID", str(error)))
    if not events:
        problems.append(Problem("events", "REQUIRED", "subscribe to at least one event"))
    if len(description) > MAX_DESCRIPTION_LENGTH:
        problems.append(Problem("description", "TOO_LONG", f"at most {MAX_DESCRIPTION_LENGTH} characters"))
    return problems


async def add_endpoint(
    url: str, events: list[WebhookEvent], description: str | None, *, allow_private: bool
) -> tuple[NewEndpoint | None, list[Problem]]:
    """An admin's new endpoint (createWebhookEndpoint): the input stripped and checked, then stored in the tenant in
    context; or, writing nothing, every problem of the input."""
    url = url.strip()
    description = (description or "").strip()
    problems = await endpoint_problems(url, events, description, allow_private=allow_private)
    if problems:
        return None, problems
    endpoint, secret = await create_endpoint(url, events, description)
    await start_scheduled_events(endpoint)
    return NewEndpoint(endpoint, secret), []


async def create_endpoint(url: str, events: list[WebhookEvent], description: str = "") -> tuple[WebhookEndpoint, str]:
    """Store an endpoint of the tenant in context as given (unchecked: `add_endpoint` checks an admin's input first);
    returns it with its secret (the only time it is shown)."""
    secret = new_secret()
    endpoint = await WebhookEndpoint.create(
        url=url,
        events=sorted({event.value for event in events}),
        description=description,
        secret_sealed=seal_secret(secret, current_tenant_id()),
    )
    return endpoint, secret


async def delete_endpoint(endpoint: WebhookEndpoint) -> None:
    """Remove an endpoint; its deliveries, pending ones included, go with it (they are never sent)."""
    await endpoint.delete()


async def subscribers(event: WebhookEvent) -> list[WebhookEndpoint]:
    """The active endpoints of the tenant in context that hear `event`."""
    return [e for e in await WebhookEndpoint.filter(is_active=True) if event.value in e.events]


async def hears(event: WebhookEvent) -> bool:
    """Whether an active endpoint of the tenant in context hears `event`."""
    return bool(await subscribers(event))


async def start_scheduled_events(endpoint: WebhookEndpoint) -> None:
    """Start what sends the scheduled events an endpoint now hears: YAHRZEIT_UPCOMING comes from the synagogue's
    daily yahrzeit sweeps, which a synagogue without a family address has not started yet."""
    if endpoint.is_active and WebhookEvent.YAHRZEIT_UPCOMING.value in endpoint.events:
        await ensure_reminders()


async def _fan_out(event: WebhookEvent, data: dict[str, Any]) -> int:
    endpoints = await subscribers(event)
    now = datetime.now(UTC).isoformat()
    for endpoint in endpoints:
        delivery = await WebhookDelivery.create(
            endpoint=endpoint,
            delivery_id=uuid.uuid4(),
            event=event.value,
            payload={"type": event.value, "timestamp": now, "data": data},
        )
        await enqueue(WEBHOOK_JOB, {"delivery": delivery.id}, max_attempts=WEBHOOK_MAX_ATTEMPTS + 1)
    return len(endpoints)


async def emit(event: WebhookEvent, data: dict[str, Any], *, tenant_id: int | None = None) -> int:
    """Queue `event` for every active endpoint subscribed to it; returns how many deliveries were queued.

    Inside a tenant's transaction it joins that transaction; given another `tenant_id` (a system task)
    it opens that tenant's scope.
    """
    if tenant_id is None or tenant_id == tenant_id_or_none():
        return await _fan_out(event, data)
    async with tenant_scope(tenant_id):
        return await _fan_out(event, data)


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    """The endpoint's current secret, then its previous one while a rotation's overlap lasts."""
    found = [open_secret(endpoint.secret_sealed, endpoint.tenant_id)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_sealed and expires is not None and now < expires:
        found.append(open_secret(endpoint.previous_secret_sealed, endpoint.tenant_id))
    return found


def body_of(delivery: WebhookDelivery) -> bytes:
    """The request body: the same bytes on every attempt."""
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()


@dataclass
class Outcome:
    delivered: bool
    retry: bool
    status_code: int | None
    error: str


async def post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> Outcome:
    """One attempt: POST the signed event to the endpoint's checked address, within the timeout in total."""
    settings = get_settings()
    body = body_of(delivery)
    try:
        secrets = signing_secrets(endpoint, datetime.now(UTC))
    except (ValueError, InvalidTag):
        return Outcome(False, False, None, "the endpoint's secret cannot be opened (was SECRETS_KEY changed?)")
    headers = {
        "content-type": "application/json",
        "user-agent": "ShulGraph-Webhooks/1",
        **sign(secrets[0], str(delivery.delivery_id), int(datetime.now(UTC).timestamp()), body, *secrets[1:]),
    }
    try:
        url, extra_headers, extensions = await pinned_request(endpoint.url, settings.webhook_allow_private_targets)
    except RefusedTarget as error:
        return Outcome(False, False, None, str(error))
    timeout = settings.webhook_timeout_seconds
    try:
        async with (
            asyncio.timeout(timeout),
            httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False) as client,
            client.stream("POST", url, content=body, headers={**headers, **extra_headers}, extensions=extensions)
            as response,
        ):
            code = response.status_code
            excerpt = await _excerpt(response) if not 200 <= code < 400 else ""
    except (TimeoutError, httpx.TimeoutException) as error:
        return Outcome(False, True, None, f"timeout: {type(error).__name__}")
    except httpx.HTTPError as error:
        return Outcome(False, True, None, f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH])
    if 200 <= code < 300:
        return Outcome(True, False, code, "")
    if 300 <= code < 400:
        return Outcome(False, False, code, f"HTTP {code}: redirects are not followed")
    return Outcome(False, code >= 500 or code in {408, 429}, code, f"HTTP {code}: {excerpt}")


async def _excerpt(response: httpx.Response, limit: int = 200) -> str:
    """The start of an error answer; the rest is never read."""
    chunks = b""
    async for chunk in response.aiter_raw():
        chunks += chunk
        if len(chunks) >= limit:
            break
    return chunks[:limit].decode(errors="replace")


class DeliveryRetry(RuntimeError):
    """A transient failure: the queue retries the delivery with backoff."""


@handler(WEBHOOK_JOB)
async def deliver(run: JobRun) -> None:
    """Send one delivery; record its outcome; a transient failure is retried by the queue."""
    async with run.scope():
        delivery = await WebhookDelivery.filter(id=run.payload["delivery"]).select_related("endpoint").first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return
    if not delivery.endpoint.is_active:
        async with run.scope():
            off = "the endpoint was disabled; redeliver once it is enabled again"
            await WebhookDelivery.filter(id=delivery.id).update(status=DeliveryStatus.FAILED, last_error=off)
            await run.finish({"deliveryId": str(delivery.delivery_id)}, [{"message": off}], failed=True)
        return
    if run.attempt > WEBHOOK_MAX_ATTEMPTS:  # the claim after a last attempt whose worker was lost
        async with run.scope():
            lost = "gave up: the worker was lost during the last attempt"
            await WebhookDelivery.filter(id=delivery.id).update(status=DeliveryStatus.FAILED, last_error=lost)
            await run.finish({"deliveryId": str(delivery.delivery_id)}, [{"message": lost}], failed=True)
        return
    outcome = await post(delivery.endpoint, delivery)
    details = {"delivery": str(delivery.delivery_id), "job": run.job_id, "attempt": run.attempt}
    values: dict[str, Any] = {
        "attempts": int(run.payload.get("before", 0)) + run.attempt,  # a redelivery's job counts on from `before`
        "last_status_code": outcome.status_code,
        "last_error": outcome.error[:MAX_ERROR_LENGTH],
    }

    def rows() -> Any:
        return WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.PENDING)

    if outcome.delivered:
        async with run.scope():
            await rows().update(**values, status=DeliveryStatus.DELIVERED, delivered_at=datetime.now(UTC))
            await run.finish({"deliveryId": str(delivery.delivery_id), "statusCode": outcome.status_code})
        log.info("webhook delivered", extra=details)
        return
    if not outcome.retry or run.attempt >= WEBHOOK_MAX_ATTEMPTS:
        async with run.scope():
            await rows().update(**values, status=DeliveryStatus.FAILED)
            await run.finish({"deliveryId": str(delivery.delivery_id)}, [{"message": outcome.error}], failed=True)
        log.warning("webhook failed", extra={**details, "error": outcome.error})
        return
    async with run.scope():
        await rows().update(**values)
    raise DeliveryRetry(outcome.error)
