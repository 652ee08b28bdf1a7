"""The background job queue, the worker's schedule, and text messages (SMS and WhatsApp) per synagogue.

`Job` is deliberately NOT a `TenantModel`: the worker is a system process that must see the due jobs
of every tenant, which a tenant manager (and PostgreSQL row-level security) would hide from it. Each
job carries its tenant in a plain `tenant_id` column; the worker claims a job from this table and then
does the job's work inside `tenant_scope(job.tenant_id)`, where every tenant rule applies again.
A tenant's jobs live in its database (`placed_with_tenant`), written in the same transaction as the change that
queues them; the worker claims from the central database and from every placed one.
Requests read jobs only through `services.outbox.queue.tenant_jobs`, which filters on the caller's tenant.

`ScheduledSlot` is the worker's schedule, kept in the database so that it survives restarts: one row per task and
slot (unique), inserted by the one worker that runs that slot; another worker's insert fails and it moves on.

`MessagingProvider` (one per synagogue) and `MessagingRecipient` are tenant models: where a synagogue's text
messages go out (an HTTP provider, its key sealed like a webhook secret) and who receives alerts by SMS or
WhatsApp, with the opt-out a recipient sent ("STOP").
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.base import TenantModel, placed_with_tenant


class JobStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class Job(Model):
    """One unit of background work. A RUNNING job whose `locked_until` has passed was left by a dead
    worker and is claimed again (up to `max_attempts`)."""

    id = fields.IntField(primary_key=True)
    tenant_id = fields.IntField(null=True, db_index=True)
    kind = fields.CharField(max_length=64)
    status = fields.CharEnumField(JobStatus, max_length=8, default=JobStatus.PENDING)
    payload: dict[str, Any] = fields.JSONField(default=dict)
    progress = fields.IntField(default=0)
    total = fields.IntField(default=0)
    result: dict[str, Any] = fields.JSONField(default=dict)
    errors: list[Any] = fields.JSONField(default=list)
    attempts = fields.IntField(default=0)
    max_attempts = fields.IntField(default=3)
    run_after = fields.DatetimeField(db_index=True)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"


placed_with_tenant(Job)


class ScheduledSlot(Model):
    """One run of a scheduled task (`task`, the start of its `slot`): whoever inserts the row runs it."""

    id = fields.IntField(primary_key=True)
    task = fields.CharField(max_length=64)
    slot = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=120, default="")
    claimed_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "scheduled_slot"
        unique_together = (("task", "slot"),)


class MessagingChannel(StrEnum):
    SMS = "SMS"
    WHATSAPP = "WHATSAPP"


class MessagingProvider(TenantModel):
    """A synagogue's text-message provider: JSON POSTs to `url` with a bearer key (sealed at rest)."""

    id = fields.IntField(primary_key=True)
    url = fields.CharField(max_length=2000)
    api_key_sealed = fields.TextField()
    sender = fields.CharField(max_length=40, default="")
    whatsapp_sender = fields.CharField(max_length=40, default="")
    inbound_token_hash = fields.CharField(max_length=64, default="")
    enabled = fields.BooleanField(default=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "messaging_provider"


class MessagingRecipient(TenantModel):
    """A phone number (E.164) that gets the synagogue's alerts by SMS or WhatsApp, until it opts out."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120, default="")
    phone = fields.CharField(max_length=20)
    channel = fields.CharEnumField(MessagingChannel, max_length=8, default=MessagingChannel.SMS)
    opted_out_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "messaging_recipient"
        unique_together = (("tenant", "phone", "channel"),)
