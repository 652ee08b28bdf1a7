"""The background job queue.

`Job` is deliberately NOT a `TenantModel`: the worker is a system process that must see the due jobs
of every tenant, which a tenant manager (and PostgreSQL row-level security) would hide from it. Each
job carries its tenant in a plain `tenant_id` column; the worker claims a job from this table and then
does the job's work inside `tenant_scope(job.tenant_id)`, where every tenant rule applies again.
A tenant's jobs live in its database (`placed_with_tenant`), written in the same transaction as the change that
queues them; the worker claims from the central database and from every placed one.
Requests read jobs only through `services.outbox.queue.tenant_jobs`, which filters on the caller's tenant.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from models.base import placed_with_tenant


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
