"""Platform records: the synagogue audit log and the platform audit log."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

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


class PlatformAuditEntry(Model):
    """A platform-level action, outside any synagogue; only platform administrators read it.

    Platform admins made, software releases published, tenants entered by impersonation. No tenant owns
    these rows, so this is not a `TenantModel` (and has no row-level security policy)."""

    id = fields.IntField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    actor_id = fields.IntField(null=True, description="The acting user; null for the command line")
    action = fields.CharField(max_length=120)
    target_id = fields.CharField(max_length=200, default="")
    detail: dict[str, object] = fields.JSONField(default=dict)
    request_id = fields.CharField(max_length=64, default="", description="Empty outside an HTTP request")

    class Meta:
        table = "platform_audit_entry"
        ordering = ["-id"]


PURGE_AUDIT_FUNCTION = """
CREATE OR REPLACE FUNCTION shulgraph_purge_audit(cutoff timestamptz, batch integer) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH gone AS (
    DELETE FROM audit_entry WHERE id IN (
      SELECT id FROM audit_entry
      WHERE tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::int AND at < cutoff
      ORDER BY id LIMIT batch)
    RETURNING 1)
  SELECT count(*)::integer FROM gone
$$
"""
"""PostgreSQL: retention's only road to delete audit entries, owned by the owner role (`main.py migrate` creates it
and lets the application role execute it): it deletes at most `batch` entries older than `cutoff` of the synagogue
the transaction serves (`app.tenant_id`), so the application role itself may be left unable to delete or change
a single entry (the log is append-only for it)."""
