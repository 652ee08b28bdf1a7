"""The migrations make exactly the models' schema, on PostgreSQL and on SQLite.

For each dialect, one fresh database gets `migrations/<dialect>` applied by `services.infra.migrations.migrate` and
another gets `Tortoise.generate_schemas()`; their tables, columns, types, nullability, defaults, indexes and
constraints must match. Each database is built in its own process (Tortoise is global per process, and the
test session's app already holds it): `python -m tests.test_migrations migrate|generate URL`.
"""

from __future__ import annotations

import asyncio
import difflib
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from tortoise import Tortoise

from config import ROOT, get_settings
from models.database import tortoise_config
from services.infra.migrations import migrate
from tests.support.servers import postgres_admin_url

Snapshot = list[tuple[str, ...]]


def build(mode: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.test_migrations", mode, url],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "MIGRATIONS_DATABASE_URL": url, "TENANT_DATABASES": "{}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_same(migrated: Snapshot, generated: Snapshot) -> None:
    assert migrated, "the migrated database has no schema"
    if migrated != generated:
        diff = difflib.unified_diff(
            [" | ".join(row) for row in generated],
            [" | ".join(row) for row in migrated],
            "generate_schemas()",
            "migrations",
            lineterm="",
        )
        pytest.fail(
            "the migrations do not produce the models' schema; run `scripts/makemigrations` and commit the result:\n"
            + "\n".join(diff)
        )


# --- PostgreSQL ---------------------------------------------------------------------------------------------

PG_SNAPSHOT = """
SELECT 'column', c.table_name, c.column_name,
       concat_ws(' ', c.data_type, c.udt_name, c.character_maximum_length::text, c.numeric_precision::text,
                 c.numeric_scale::text, c.datetime_precision::text),
       c.is_nullable, coalesce(c.column_default, '')
  FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
UNION ALL
SELECT 'index', tablename, indexname, indexdef, '', '' FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'constraint', rel.relname, con.conname, con.contype::text, pg_get_constraintdef(con.oid), ''
  FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
  JOIN pg_namespace ns ON ns.oid = rel.relnamespace
 WHERE ns.nspname = 'public'
ORDER BY 1, 2, 3
"""


async def pg_snapshot(url: str) -> Snapshot:
    conn = await asyncpg.connect(url)
    try:
        return [tuple(str(value) for value in row) for row in await conn.fetch(PG_SNAPSHOT)]
    finally:
        await conn.close()


@pytest.fixture
async def pg_databases() -> AsyncIterator[tuple[str, str]]:
    admin_url = postgres_admin_url()
    admin = urlsplit(admin_url)
    names = [f"shulgraph_mig_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("migrated", "generated")]
    conn = await asyncpg.connect(admin_url)
    try:
        for name in names:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    urls = [urlunsplit(admin._replace(path=f"/{name}")) for name in names]
    yield urls[0], urls[1]
    conn = await asyncpg.connect(admin_url)
    try:
        for name in names:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def test_postgres_migrations_match_the_models(pg_databases: tuple[str, str]) -> None:
    migrated_url, generated_url = pg_databases
    for mode, url in (("migrate", migrated_url), ("generate", generated_url)):
        result = await asyncio.to_thread(build, mode, url)
        assert result.returncode == 0, f"{mode} failed:\n{result.stdout}\n{result.stderr}"
    assert_same(await pg_snapshot(migrated_url), await pg_snapshot(generated_url))


# --- SQLite -------------------------------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_snapshot(path: Path) -> Snapshot:
    rows: Snapshot = []
    with sqlite3.connect(path) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        for table in tables:
            quoted = _quoted(table)
            for _, name, kind, notnull, default, pk in db.execute(f"PRAGMA table_info({quoted})"):
                rows.append(("column", table, name, kind.upper(), f"notnull={notnull}", f"default={default} pk={pk}"))
            for _, index, unique, origin, partial in db.execute(f"PRAGMA index_list({quoted})"):
                columns = ",".join(str(col) for _, _, col in db.execute(f"PRAGMA index_info({_quoted(index)})"))
                name = index if origin == "c" else f"({origin}) {columns}"
                rows.append(("index", table, name, f"unique={unique}", f"partial={partial}", columns))
            for fk in db.execute(f"PRAGMA foreign_key_list({quoted})"):
                _, _seq, target, column, target_column, on_update, on_delete, match = fk
                rows.append(
                    ("foreign key", table, column, f"{target}.{target_column}", f"{on_update}/{on_delete}", match)
                )
    return sorted(rows)


async def test_sqlite_migrations_match_the_models(tmp_path: Path) -> None:
    migrated, generated = tmp_path / "migrated.sqlite3", tmp_path / "generated.sqlite3"
    for mode, path in (("migrate", migrated), ("generate", generated)):
        result = await asyncio.to_thread(build, mode, f"sqlite://{path}")
        assert result.returncode == 0, f"{mode} failed:\n{result.stdout}\n{result.stderr}"
    assert_same(sqlite_snapshot(migrated), sqlite_snapshot(generated))


# --- the builder process ------------------------------------------------------------------------------------


async def _build(mode: str, url: str) -> None:
    settings = get_settings()
    if mode == "migrate":
        await migrate(settings)
        return
    await Tortoise.init(config=tortoise_config(url, settings))
    try:
        await Tortoise.generate_schemas(safe=False)
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(_build(sys.argv[1], sys.argv[2]))
