"""`main.py migrate` with tenant databases declared, as an operator runs it on fresh databases: each placed database
gets the schema, the application role with data access only, row-level security forced on every tenant table and
the tenant-entering function; the central registry gives each database its id block once, and the database's
sequences draw only from it (the central ones stay below every block); a second run changes nothing; a URL that
leads to another database than the one registered under its name is refused, and so is a central URL that leads
to a placed database."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from config import ROOT
from models.base import tenant_models
from services.infra.database_setup import CENTRAL_INT_LIMIT, block_range
from tests.support.cli import Database, fetch, migrated_database
from tests.support.servers import postgres_admin_url


async def _placed_databases(central: Database) -> dict[str, dict[str, str]]:
    """Two new empty databases to declare beside `central`, with its application role."""
    admin = urlsplit(postgres_admin_url())
    app = urlsplit(central.app_url)
    declared: dict[str, dict[str, str]] = {}
    connection = await asyncpg.connect(postgres_admin_url())
    try:
        for name in ("east", "west"):
            database = f"{central.name}_{name}"
            await connection.execute(f'CREATE DATABASE "{database}"')
            declared[name] = {
                "url": urlunsplit(app._replace(path=f"/{database}")),
                "owner_url": urlunsplit(admin._replace(path=f"/{database}")),
            }
    finally:
        await connection.close()
    return declared


def _migrate(central: Database, declared: dict[str, dict[str, str]], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "migrate"],
        cwd=ROOT,
        env={**central.env(), "TENANT_DATABASES": json.dumps(declared), **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


async def test_migrate_sets_up_every_declared_database_once(app: Any) -> None:  # app: the models are loaded
    central = await migrated_database()
    declared = await _placed_databases(central)
    first = _migrate(central, declared)
    assert first.returncode == 0, first.stderr
    assert "east: " in first.stdout and "west: " in first.stdout
    blocks = {row["name"]: row["id_block"] for row in await fetch(central.owner_url, "SELECT * FROM tenant_database")}
    assert sorted(blocks) == ["east", "west"] and len(set(blocks.values())) == 2
    integers = "FROM pg_sequences WHERE data_type::text = 'integer'"
    central_limits = await fetch(central.owner_url, f"SELECT DISTINCT max_value {integers}")
    assert [row["max_value"] for row in central_limits] == [CENTRAL_INT_LIMIT]
    tables = [model._meta.db_table for model in tenant_models()]
    for name, urls in declared.items():
        marker = await fetch(urls["owner_url"], "SELECT name, id_block, this_database FROM tenant_database")
        assert [tuple(row) for row in marker] == [(name, blocks[name], True)]
        low, high = block_range(blocks[name], "integer")
        ranges = await fetch(urls["owner_url"], f"SELECT min_value, max_value {integers}")
        assert {(row["min_value"], row["max_value"]) for row in ranges} == {(low, high)}
        secured = await fetch(
            urls["owner_url"],
            "SELECT relname FROM pg_class WHERE relname = ANY($1) AND relrowsecurity AND relforcerowsecurity",
            tables,
        )
        assert len(secured) == len(tables)
        app = await asyncpg.connect(urls["url"])
        try:
            async with app.transaction():
                assert await app.fetchval("SELECT shulgraph_enter_tenant(1)") is True
                assert await app.fetchval("SELECT current_setting('app.tenant_id')") == "1"
            assert await app.fetchval("SELECT has_table_privilege(current_user, 'tenant_fence', 'INSERT')") is False
        finally:
            await app.close()
    again = _migrate(central, declared)
    assert again.returncode == 0 and "migrations applied: 0" in again.stdout, again.stdout
    assert {r["name"]: r["id_block"] for r in await fetch(central.owner_url, "SELECT * FROM tenant_database")} == blocks


async def test_migrate_refuses_a_url_that_leads_to_another_database() -> None:
    central = await migrated_database()
    declared = await _placed_databases(central)
    assert _migrate(central, declared).returncode == 0
    swapped = {"east": declared["west"], "west": declared["east"]}
    refused = _migrate(central, swapped)
    assert refused.returncode != 0 and "leads to tenant database" in refused.stderr, refused.stderr
    into_placed = {"DATABASE_URL": declared["east"]["url"], "MIGRATIONS_DATABASE_URL": declared["east"]["owner_url"]}
    also = _migrate(central, declared, **into_placed)
    assert also.returncode != 0 and "not the central one" in also.stderr, also.stderr
    stranger = f"x{uuid.uuid4().hex[:6]}"
    unknown = _migrate(central, {**declared, stranger: {"url": "sqlite://nowhere"}})
    assert unknown.returncode != 0 and "must be a PostgreSQL URL" in unknown.stderr
