"""Platform records: the audit log."""

from __future__ import annotations

from tortoise import fields

from models.base import TenantModel


class AuditEntry(TenantModel):
    """A privileged or impersonated action in a tenant."""

    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True)
    actor_id = fields.IntField(null=True)
    action = fields.CharField(max_length=120)
    target_id = fields.CharField(max_length=200, default="")
    impersonated = fields.BooleanField(default=False)
    detail: dict[str, object] = fields.JSONField(default=dict)
    request_id = fields.CharField(max_length=64, default="")

    class Meta:
        table = "audit_entry"
        ordering = ["-id"]
