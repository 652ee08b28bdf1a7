"""Schema migrations (aerich, one history per dialect) and PostgreSQL's tenancy guard rails.

`migrate` runs as the owner role (`MIGRATIONS_DATABASE_URL`). On PostgreSQL it then makes sure the
application role named in `DATABASE_URL` exists without ownership or BYPASSRLS, grants it data
access and nothing more (only SELECT and INSERT on the append-only audit logs, the platform's and each
synagogue's), and enables
and forces row-level security on every tenant table with a policy keyed on `app.tenant_id`. Unscoped
tables (the platform audit log, API key credentials) have no policy: their code decides who reads them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from aerich import Command
from tortoise import Tortoise, connections

from config import ROOT, Settings
from models.base import TENANT_FIELD, tenant_models
from models.database import tortoise_config
from models.platform import PURGE_AUDIT_FUNCTION, AuditEntry, PlatformAuditEntry

log = logging.getLogger("shulgraph.migrate")
MIGRATIONS = ROOT / "migrations"
APPEND_ONLY_MODELS: tuple[type[Any], ...] = (PlatformAuditEntry, AuditEntry)
"""Audit logs: the application role may read and add to them, never change or empty them (Z7)."""


def dialect_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgres"


def location(dialect: str) -> Path:
    return MIGRATIONS / dialect


async def _aerich_upgrade(config: dict[str, Any], dialect: str) -> list[str]:
    async with Command(tortoise_config=config, app="models", location=str(location(dialect))) as command:
        await command.init()
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def _secure_postgres(settings: Settings, owner_url: str) -> None:
    app_parts = urlsplit(settings.database_url)
    owner_parts = urlsplit(owner_url)
    app_role = unquote(app_parts.username or "")
    await Tortoise.init(config=tortoise_config(owner_url, settings))
    try:
        db = connections.get("default")
        await db.execute_script(PURGE_AUDIT_FUNCTION + ";")  # owned by the owner role (models.platform)
        if app_role and app_role != unquote(owner_parts.username or ""):
            role = _quote_ident(app_role)
            exists = await db.execute_query_dict("SELECT 1 FROM pg_roles WHERE rolname = $1", [app_role])
            password = unquote(app_parts.password or "")
            if not exists:
                await db.execute_script(
                    f"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                    + (" PASSWORD " + "'" + password.replace("'", "''") + "'" if password else "")
                )
            database = _quote_ident(app_parts.path.lstrip("/"))
            await db.execute_script(
                f"GRANT CONNECT ON DATABASE {database} TO {role};"  # noqa: S608 - quoted identifiers only
                f"GRANT USAGE ON SCHEMA public TO {role};"
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};"
                f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};"
                f"REVOKE ALL ON TABLE aerich FROM {role};"
            )
            for model in APPEND_ONLY_MODELS:  # the app may add to these logs, never rewrite them
                table = _quote_ident(model._meta.db_table)
                await db.execute_script(f"REVOKE UPDATE, DELETE, TRUNCATE ON TABLE {table} FROM {role};")
            await db.execute_script(  # retention deletes old audit entries only through the owner's function
                "REVOKE ALL ON FUNCTION shulgraph_purge_audit(timestamptz, integer) FROM PUBLIC;"
                f"GRANT EXECUTE ON FUNCTION shulgraph_purge_audit(timestamptz, integer) TO {role};"
            )
        else:
            log.warning("DATABASE_URL uses the owner role: row-level security does not bind the owner's superuser")
        for model in tenant_models():
            table = _quote_ident(model._meta.db_table)
            column = _quote_ident(TENANT_FIELD)
            await db.execute_script(
                f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;"
                f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;"
                f"DROP POLICY IF EXISTS tenant_isolation ON {table};"
                f"CREATE POLICY tenant_isolation ON {table} "
                f"USING ({column} = NULLIF(current_setting('app.tenant_id', true), '')::int) "
                f"WITH CHECK ({column} = NULLIF(current_setting('app.tenant_id', true), '')::int);"
            )
    finally:
        await Tortoise.close_connections()


async def migrate(settings: Settings) -> list[str]:
    """Bring the database to the models' schema; returns the migrations applied."""
    owner_url = settings.migrations_database_url or settings.database_url
    dialect = dialect_of(owner_url)
    applied = await _aerich_upgrade(tortoise_config(owner_url, settings), dialect)
    if dialect == "postgres":
        await _secure_postgres(settings, owner_url)
    for name in applied:
        log.info("migration applied", extra={"migration": name})
    return applied


DIALECTS = ("sqlite", "postgres")


async def make_migrations(settings: Settings, name: str, dialect: str, postgres_url: str) -> list[str]:
    """Write a new migration for one dialect from the models (offline: no database is changed).

    Tortoise keeps its first configuration for the life of a process, so each dialect runs in its own
    process (see `main.py makemigrations`)."""
    written: list[str] = []
    url = "sqlite://:memory:" if dialect == "sqlite" else postgres_url
    folder = location(dialect) / "models"
    command = Command(tortoise_config=tortoise_config(url, settings), app="models", location=str(location(dialect)))
    if not folder.exists() or not any(folder.glob("*.py")):
        await command.init_migrations(safe=True)
        written.append(f"{dialect}: initial")
    else:
        await command.init(offline=True)
        result = await command.migrate(name=name, no_input=True, offline=True)
        if result:
            written.append(f"{dialect}: {result}")
    await Tortoise.close_connections()
    return written
