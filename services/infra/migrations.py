"""Schema migrations (aerich, one history per dialect) and PostgreSQL's tenancy guard rails, in the central
database and in every placed one (`TENANT_DATABASES`).

`migrate` runs as the owner role (`MIGRATIONS_DATABASE_URL`; a placed database's `owner_url`). On PostgreSQL it
then makes sure the application role named in `DATABASE_URL` (a placed database's `url`) exists without ownership
or BYPASSRLS, grants it data access and nothing more (only SELECT and INSERT on the append-only audit logs, the
platform's and each synagogue's; only SELECT on the placement registry), and enables and forces row-level
security on every tenant table with a policy keyed on `app.tenant_id` (services/infra/database_setup.py). Unscoped
tables (the platform audit log, API key credentials) have no policy: their code decides who reads them. Each
declared database gets its id block once, in the central registry.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from aerich import Command
from tortoise import Tortoise, connections

from config import ROOT, Settings
from models.database import tortoise_config
from models.placement.pools import declared_databases
from services.infra.database_setup import mark_database, register_databases, secure_database

log = logging.getLogger("shulgraph.migrate")
MIGRATIONS = ROOT / "migrations"
T = TypeVar("T")


def dialect_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgres"


def location(dialect: str) -> Path:
    return MIGRATIONS / dialect


async def _aerich_upgrade(config: dict[str, Any], dialect: str) -> list[str]:
    await Tortoise.init(config=config)  # aerich keeps Tortoise as it finds it once initialised: this database's
    async with Command(tortoise_config=config, app="models", location=str(location(dialect))) as command:
        await command.init()
        applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


async def _with_owner(settings: Settings, owner_url: str, work: Callable[[Any], Awaitable[T]]) -> T:
    """`work(client)` with Tortoise initialised on `owner_url` (the owner role), then closed again."""
    await Tortoise.init(config=tortoise_config(owner_url, settings))
    try:
        return await work(connections.get("default"))
    finally:
        await Tortoise.close_connections()


async def migrate(settings: Settings) -> list[str]:
    """Bring the central database and every placed one to the models' schema; returns the migrations applied
    (a placed database's prefixed with its name)."""
    owner_url = settings.migrations_database_url or settings.database_url
    dialect = dialect_of(owner_url)
    applied = await _aerich_upgrade(tortoise_config(owner_url, settings), dialect)
    if dialect == "postgres":
        declared = declared_databases(settings)

        async def central(db: Any) -> dict[str, int]:
            blocks = await register_databases(list(declared))
            await secure_database(db, settings.database_url, owner_url, capped=bool(blocks))
            return blocks

        blocks = await _with_owner(settings, owner_url, central)
        for name, database in declared.items():
            done = await _aerich_upgrade(tortoise_config(database.owner_url, settings), dialect)
            applied += [f"{name}: {migration}" for migration in done]

            urls = (database.url, database.owner_url)

            async def placed(db: Any, name: str = name, urls: tuple[str, str] = urls) -> None:
                await mark_database(name, blocks[name])
                await secure_database(db, *urls, id_block=blocks[name])

            await _with_owner(settings, database.owner_url, placed)
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
