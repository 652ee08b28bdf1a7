"""What `migrate` sets up in every PostgreSQL database after its schema, the central one and each placed one alike:
the application role (without ownership or BYPASSRLS) and its grants, row-level security forced on every tenant
table, the append-only audit logs and retention's one road to delete old entries (`shulgraph_purge_audit`, owned by
the owner: a placed synagogue's audit log is in its database), the registry tables the application may only read,
the tenant-entering function of `models.placement.connection`, and the id ranges of the database's sequences.

Ids: a synagogue keeps its rows' ids (and so its clients' global ids) when it moves, so no two databases may ever
hand out the same id. The central database's sequences stay below 2^30 (2^40 for `bigint` ones) once any database is
declared; a placed database draws from its block only: block k (1..63) of 2^24 ids above 2^30 (`bigint`: 2^40 ids
from k * 2^40). The block is given once per database (`models.platform.TenantDatabase`) and never changes."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import unquote, urlsplit

from models.base import TENANT_FIELD, tenant_models
from models.placement.connection import ENTER_FUNCTION, NOT_HERE_SQLSTATE, SWITCH_LOCK_CLASS
from models.platform import (
    PURGE_AUDIT_FUNCTION,
    AuditEntry,
    PlatformAuditEntry,
    TenantDatabase,
    TenantFence,
    TenantMove,
    TenantPlacement,
)

log = logging.getLogger("shulgraph.migrate")

APPEND_ONLY_MODELS: tuple[type[Any], ...] = (PlatformAuditEntry, AuditEntry)
"""Audit logs: the application role may read and add to them, never change or empty them (Z7)."""
READ_ONLY_MODELS: tuple[type[Any], ...] = (TenantDatabase, TenantPlacement, TenantMove, TenantFence)
"""The placement registry and the fences: the application reads them; only the owner (migrate, moves) writes."""

PURGE_AUDIT_SIGNATURE = "shulgraph_purge_audit(timestamptz, integer)"

CENTRAL_INT_LIMIT = 2**30
CENTRAL_BIGINT_LIMIT = 2**40
BLOCK_SIZE = 2**24
MAX_BLOCK = 63

ENTER_SQL = f"""
CREATE OR REPLACE FUNCTION {ENTER_FUNCTION}(tenant integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.tenant_fence WHERE synagogue_id = tenant) THEN
        RAISE EXCEPTION 'synagogue % is not served by this database', tenant USING ERRCODE = '{NOT_HERE_SQLSTATE}';
    END IF;
    PERFORM set_config('app.tenant_id', tenant::text, true);
    IF pg_try_advisory_xact_lock_shared({SWITCH_LOCK_CLASS}, tenant) THEN
        RETURN true;
    END IF;
    PERFORM set_config('transaction_read_only', 'on', true);  -- a move is switching this tenant
    RETURN false;
END $$;
"""  # noqa: S608 - constants of models.placement.connection only


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def block_range(id_block: int, data_type: str) -> tuple[int, int]:
    """The ids (lowest, highest) a placed database with `id_block` hands out for a sequence of `data_type`."""
    if not 1 <= id_block <= MAX_BLOCK:
        raise ValueError(f"id block {id_block} is outside 1..{MAX_BLOCK}")
    if data_type == "bigint":
        return id_block * CENTRAL_BIGINT_LIMIT + 1, (id_block + 1) * CENTRAL_BIGINT_LIMIT
    low = CENTRAL_INT_LIMIT + (id_block - 1) * BLOCK_SIZE + 1
    return low, low + BLOCK_SIZE - 1


async def _app_role(db: Any, app_url: str, owner_url: str) -> str | None:
    """Create the application role when missing; its quoted name, or None when the app connects as the owner."""
    app_parts, owner_parts = urlsplit(app_url), urlsplit(owner_url)
    app_role = unquote(app_parts.username or "")
    if not app_role or app_role == unquote(owner_parts.username or ""):
        log.warning("DATABASE_URL uses the owner role: row-level security does not bind the owner's superuser")
        return None
    role = quote_ident(app_role)
    exists = await db.execute_query_dict("SELECT 1 FROM pg_roles WHERE rolname = $1", [app_role])
    password = unquote(app_parts.password or "")
    if not exists:
        await db.execute_script(
            f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
            + (" PASSWORD " + "'" + password.replace("'", "''") + "'" if password else "")
        )
    database = quote_ident(app_parts.path.lstrip("/"))
    await db.execute_script(
        f"GRANT CONNECT ON DATABASE {database} TO {role};"  # noqa: S608 - quoted identifiers only
        f"GRANT USAGE ON SCHEMA public TO {role};"
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};"
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};"
        f"REVOKE ALL ON TABLE aerich FROM {role};"
    )
    for model in APPEND_ONLY_MODELS:  # the app may add to these logs, never rewrite them
        table = quote_ident(model._meta.db_table)
        await db.execute_script(f"REVOKE UPDATE, DELETE, TRUNCATE ON TABLE {table} FROM {role};")
    for model in READ_ONLY_MODELS:
        table = quote_ident(model._meta.db_table)
        await db.execute_script(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE {table} FROM {role};")
    return role


async def _row_level_security(db: Any) -> None:
    for model in tenant_models():
        table = quote_ident(model._meta.db_table)
        column = quote_ident(TENANT_FIELD)
        await db.execute_script(
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;"
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;"
            f"DROP POLICY IF EXISTS tenant_isolation ON {table};"
            f"CREATE POLICY tenant_isolation ON {table} "
            f"USING ({column} = NULLIF(current_setting('app.tenant_id', true), '')::int) "
            f"WITH CHECK ({column} = NULLIF(current_setting('app.tenant_id', true), '')::int);"
        )


async def _sequences(db: Any, id_block: int | None, capped: bool) -> None:
    """Keep the database's sequences in its range: below the placed blocks for the central one (when `capped`),
    inside its block for a placed one."""
    rows = await db.execute_query_dict(
        "SELECT sequencename, data_type::text AS data_type, last_value FROM pg_sequences WHERE schemaname = 'public'"
    )
    for row in rows:
        name, data_type, last = quote_ident(row["sequencename"]), row["data_type"], row["last_value"]
        if id_block is None:
            limit = CENTRAL_BIGINT_LIMIT if data_type == "bigint" else CENTRAL_INT_LIMIT
            if not capped:
                continue
            if last is not None and last >= limit:
                raise RuntimeError(f"sequence {name} is past {limit}: its ids would collide with a placed database's")
            await db.execute_script(f"ALTER SEQUENCE {name} MAXVALUE {limit}")
            continue
        low, high = block_range(id_block, data_type)
        restart = f" RESTART WITH {low}" if last is None or last < low else ""
        await db.execute_script(f"ALTER SEQUENCE {name} MINVALUE {low} MAXVALUE {high} START WITH {low}{restart}")


async def secure_database(
    db: Any, app_url: str, owner_url: str, id_block: int | None = None, capped: bool = False
) -> None:
    """Everything but the schema, on one PostgreSQL database as its owner (`db`, a Tortoise client): see the module.
    `id_block` is the placed database's block (None for the central database, `capped` once any is declared)."""
    await db.execute_script(PURGE_AUDIT_FUNCTION + ";")  # owned by the owner role (models.platform)
    role = await _app_role(db, app_url, owner_url)
    await _row_level_security(db)
    await db.execute_script(ENTER_SQL)
    for function in (f"{ENTER_FUNCTION}(integer)", PURGE_AUDIT_SIGNATURE):
        await db.execute_script(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        if role is not None:  # retention deletes old audit entries only through the owner's function
            await db.execute_script(f"GRANT EXECUTE ON FUNCTION {function} TO {role}")
    await _sequences(db, id_block, capped)


async def register_databases(names: list[str]) -> dict[str, int]:
    """Give each declared database its id block, once (in the central registry); name -> block."""
    rows = await TenantDatabase.all()
    if any(row.this_database for row in rows):
        raise RuntimeError(f"DATABASE_URL leads to the placed database {rows[0].name}, not the central one")
    blocks = {row.name: row.id_block for row in rows}
    for name in names:
        if name not in blocks:
            block = min(set(range(1, MAX_BLOCK + 1)) - set(blocks.values()), default=None)
            if block is None:
                raise RuntimeError(f"no id block left for tenant database {name} (at most {MAX_BLOCK} databases)")
            await TenantDatabase.create(name=name, id_block=block)
            blocks[name] = block
    return blocks


async def mark_database(name: str, id_block: int) -> None:
    """Record in a placed database itself which one it is, and refuse a URL that leads to another one."""
    rows = await TenantDatabase.all()
    if not rows:
        await TenantDatabase.create(name=name, id_block=id_block, this_database=True)
    elif [(row.name, row.id_block, row.this_database) for row in rows] != [(name, id_block, True)]:
        found = "the central database" if not rows[0].this_database else f"tenant database {rows[0].name}"
        raise RuntimeError(f"the URL of tenant database {name} leads to {found}")
