"""What an admin does with the synagogue's webhooks beyond creating and deleting an endpoint: change it (URL,
events, description; disable and enable it), rotate its signing secret with an overlap in which both secrets
sign, redeliver or discard a FAILED delivery, and list deliveries across endpoints with filters.

A redelivery is the same delivery sent again: the same delivery id (`webhook-id`, so a receiver that saw it
drops it) and body, as a new job whose attempts count on from the delivery's.

A discarded delivery is kept, DISCARDED (a final state, like DELIVERED: retention deletes it with the others),
and its FAILED jobs are deleted in the same transaction, so the jobs list holds no failure that retryJob could
reopen. Nothing could send it again anyway: only a FAILED delivery is reopened (by a redelivery or by a retried
job) and only a PENDING one is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.queryset import QuerySet

from models.base import current_tenant_id
from models.outbox import Job, JobStatus
from models.webhooks import DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from services.infra.problems import Problem, Problems
from services.outbox.queue import enqueue, retrier, tenant_jobs
from services.webhooks.endpoints import (
    MAX_DESCRIPTION_LENGTH,
    WEBHOOK_JOB,
    WEBHOOK_MAX_ATTEMPTS,
    endpoint_problems,
    start_scheduled_events,
)
from services.webhooks.targets import new_secret, seal_secret

MAX_OVERLAP_MINUTES = 30 * 24 * 60


@dataclass(frozen=True)
class EndpointChanges:
    """An admin's changes to an endpoint; None leaves a field as it is."""

    url: str | None = None
    events: list[WebhookEvent] | None = None
    description: str | None = None
    is_active: bool | None = None


async def update_endpoint(endpoint: WebhookEndpoint, changes: EndpointChanges, *, allow_private: bool) -> list[Problem]:
    """Apply the given changes (checked as a new endpoint's would be) or, writing nothing, say what is wrong."""
    url = endpoint.url if changes.url is None else changes.url.strip()
    events = [WebhookEvent(e) for e in endpoint.events if e in WebhookEvent.__members__]
    events = events if changes.events is None else changes.events
    description = endpoint.description if changes.description is None else changes.description.strip()
    problems = await endpoint_problems(url, events, description, allow_private=allow_private)
    if changes.url is None:  # an unchanged URL is not checked again (its host may not resolve here and now)
        problems = [p for p in problems if p.field != "url"]
    if problems:
        return problems
    endpoint.url, endpoint.description = url, description[:MAX_DESCRIPTION_LENGTH]
    endpoint.events = sorted({event.value for event in events})
    if changes.is_active is not None:
        endpoint.is_active = changes.is_active
    await endpoint.save(update_fields=["url", "description", "events", "is_active"])
    await start_scheduled_events(endpoint)
    return []


async def rotate_secret(
    endpoint: WebhookEndpoint, overlap_minutes: int, now: datetime | None = None
) -> tuple[str | None, list[Problem]]:
    """A new signing secret for the endpoint (returned: the only time it is shown); the current one keeps signing
    beside it for `overlap_minutes` (0: not at all)."""
    problems = Problems()
    problems.integer("overlapMinutes", overlap_minutes, 0, MAX_OVERLAP_MINUTES)
    if problems:
        return None, problems
    now = now or datetime.now(UTC)
    secret = new_secret()
    endpoint.previous_secret_sealed = endpoint.secret_sealed if overlap_minutes else None  # type: ignore[assignment]
    endpoint.previous_secret_expires_at = now + timedelta(minutes=overlap_minutes) if overlap_minutes else None
    endpoint.secret_sealed = seal_secret(secret, current_tenant_id())
    await endpoint.save(update_fields=["secret_sealed", "previous_secret_sealed", "previous_secret_expires_at"])
    return secret, []


NOT_FAILED = Problem("id", "CONFLICT", "only a FAILED delivery can be redelivered or discarded")


async def redeliver(delivery: WebhookDelivery) -> list[Problem]:
    """Send a FAILED delivery again (same delivery id and body), as a new job."""
    reopened = await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, last_error=""
    )
    if not reopened:
        return [NOT_FAILED]
    await enqueue(
        WEBHOOK_JOB, {"delivery": delivery.id, "before": delivery.attempts}, max_attempts=WEBHOOK_MAX_ATTEMPTS + 1
    )
    delivery.status, delivery.last_error = DeliveryStatus.PENDING, ""
    return []


async def discard(delivery: WebhookDelivery) -> tuple[list[int], list[Problem]]:
    """Give up on a FAILED delivery for good: DISCARDED, and its FAILED jobs deleted (returned: their ids)."""
    discarded = await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.DISCARDED
    )
    if not discarded:
        return [], [NOT_FAILED]
    jobs = await failed_jobs_of(delivery)
    if jobs:
        await Job.filter(id__in=jobs, status=JobStatus.FAILED).delete()
    delivery.status = DeliveryStatus.DISCARDED
    return jobs, []


async def failed_jobs_of(delivery: WebhookDelivery) -> list[int]:
    """The FAILED jobs that sent `delivery` (its first, and one per redelivery that failed too). A job names its
    delivery only in its JSON payload, which neither dialect can be asked about the same way: the synagogue's
    failed delivery jobs since the delivery was made are read and matched here."""
    rows = await (
        tenant_jobs(current_tenant_id(), [WEBHOOK_JOB])
        .filter(status=JobStatus.FAILED, created_at__gte=delivery.created_at)
        .values_list("id", "payload")
    )
    return [job_id for job_id, payload in rows if isinstance(payload, dict) and payload.get("delivery") == delivery.id]


@retrier(WEBHOOK_JOB)
async def reopen_for_retry(payload: dict[str, Any]) -> dict[str, Any]:
    """retryJob of a delivery job: its delivery is sent again too (it was FAILED with the job), its attempts
    counting on from the delivery's."""
    delivery = await WebhookDelivery.filter(id=payload.get("delivery")).first()
    if delivery is None:
        return payload
    await WebhookDelivery.filter(id=delivery.id, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, last_error=""
    )
    return {**payload, "before": delivery.attempts}


def deliveries(
    status: DeliveryStatus | None = None, endpoint_id: int | None = None, event: WebhookEvent | None = None
) -> QuerySet[WebhookDelivery]:
    """The synagogue's deliveries, newest first, narrowed by what is given."""
    query = WebhookDelivery.all()
    if status is not None:
        query = query.filter(status=status)
    if endpoint_id is not None:
        query = query.filter(endpoint_id=endpoint_id)
    if event is not None:
        query = query.filter(event=event.value)
    return query.order_by("-id")
