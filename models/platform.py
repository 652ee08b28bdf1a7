"""Platform records: the synagogue audit log, the platform audit log, and where each synagogue's rows live (the
registry of tenant databases, placements and moves, and each database's fences)."""

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


SHARED = "shared"
"""The placement of a synagogue whose rows live in the central database (the default)."""


class TenantDatabase(Model):
    """A database the operator declared for placing synagogues (`TENANT_DATABASES`), registered by `migrate`.

    Its `id_block` is given once, when it is first migrated, and never changes: the database's sequences draw their
    ids from that block only, so that a synagogue's rows keep their ids (and clients their global ids) wherever the
    synagogue moves."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=63, unique=True)
    id_block = fields.IntField(unique=True)
    this_database = fields.BooleanField(default=False)
    """True in a placed database's own copy of the table: the one row that says which database it is."""
    registered_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tenant_database"


class TenantPlacement(Model):
    """A synagogue whose rows live in a database of its own (`database`, a `TenantDatabase` name). A synagogue
    without a row here is in the shared (central) database."""

    id = fields.IntField(primary_key=True)
    synagogue_id = fields.IntField(unique=True)
    database = fields.CharField(max_length=63, db_index=True)
    placed_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "tenant_placement"


class TenantMove(Model):
    """The journal of a move in progress (`main.py tenant move`), one per synagogue: written before the move changes
    anything and deleted when it is done, so that a move killed at any step is finished or rolled back by the next
    run. `source` and `target` are database names, `shared` for the central database."""

    id = fields.IntField(primary_key=True)
    synagogue_id = fields.IntField(unique=True)
    source = fields.CharField(max_length=63)
    target = fields.CharField(max_length=63)
    step = fields.CharField(max_length=16)
    detail: dict[str, object] = fields.JSONField(default=dict)
    started_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "tenant_move"


class TenantFence(Model):
    """In each database (the central one too): a synagogue whose rows must not be served from here, because they
    moved away (`DEPARTED`) or are being copied in (`ARRIVING`). A transaction entering a fenced synagogue fails
    (`shulgraph_enter_tenant`), which tells a process with a stale placement to read it again."""

    synagogue_id = fields.IntField(primary_key=True, generated=False)
    state = fields.CharField(max_length=16)
    since = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "tenant_fence"


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
