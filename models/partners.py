"""Partner API keys: what a synagogue's admins see and revoke (`ApiKey`, tenant-scoped), and the hashed secret
behind each (`ApiKeyCredential`, read before any tenant is known, when a request's `ApiKey` header is checked)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import TenantModel


class ApiKey(TenantModel):
    """A partner integration's key in one synagogue: what admins see and revoke."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"
        ordering = ["-id"]


class ApiKeyCredential(Model):
    """The secret behind an `ApiKey`, stored hashed and readable without a tenant in context (the lookup
    of `Authorization: ApiKey <secret>` happens before the tenant is known)."""

    id = fields.IntField(primary_key=True)
    api_key_id = fields.IntField(unique=True)
    tenant_id = fields.IntField(db_index=True)
    key_hash = fields.CharField(max_length=64, unique=True)
    allowed_documents: list[str] = fields.JSONField(default=list)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key_credential"
