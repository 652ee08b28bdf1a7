"""A synagogue's rows, table by table, as a move copies, compares and deletes them between two databases.

The tables are every tenant model's and the job queue's (a tenant's jobs live with it), in an order where a table
comes after the tables its foreign keys point to; the synagogue's own row is the registry's (central) and is
copied into a placed database only so that the tenant rows' foreign keys hold there.

Copying is a comparison: each row's digest (`md5` of the row's text, columns in the models' order) on both sides;
rows missing at the target are copied (COPY), rows that differ are written over (`ON CONFLICT (id) DO UPDATE`), rows
the source no longer has are deleted, children before parents. Run again, it copies only what changed since; run
under the tenant's switch lock, it is the short last pass of a move. `checksums` is what a move verifies: per table,
the number of rows and a digest of all of them in id order, equal on both sides.

Every statement runs on an owner connection whose session serves the tenant (`app.tenant_id`), so row-level
security holds even for an owner role that does not bypass it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg

from models.base import TENANT_FIELD, tenant_models
from models.outbox import Job
from models.synagogue import Synagogue


@dataclass(frozen=True)
class TenantTable:
    """One table of a synagogue's rows: its name, its columns (in the models' order) and its tenant column."""

    name: str
    columns: tuple[str, ...]
    tenant_column: str

    def quoted(self) -> str:
        return ", ".join(f'"{column}"' for column in self.columns)

    def row_digest(self) -> str:
        return f"md5(ROW({self.quoted()})::text)"


def _table(model: Any, tenant_column: str) -> TenantTable:
    columns = tuple(model._meta.fields_db_projection.values())
    return TenantTable(model._meta.db_table, columns, tenant_column)


def tenant_tables() -> list[TenantTable]:
    """Every table of a synagogue's rows, parents before children (see the module)."""
    models = {model._meta.db_table: model for model in tenant_models()}
    ordered: list[str] = []

    def visit(name: str, path: tuple[str, ...] = ()) -> None:
        if name in ordered or name in path:
            return
        meta = models[name]._meta
        for field in sorted(meta.fk_fields | meta.o2o_fields):
            relation: Any = meta.fields_map[field]
            parent = relation.related_model._meta.db_table
            if parent in models:
                visit(parent, (*path, name))
        ordered.append(name)

    for name in sorted(models):
        visit(name)
    return [_table(models[name], TENANT_FIELD) for name in ordered] + [_table(Job, "tenant_id")]


def synagogue_table() -> TenantTable:
    return _table(Synagogue, "id")


async def serve_tenant(connection: asyncpg.Connection, tenant_id: int) -> None:
    """Make an owner session serve `tenant_id` (row-level security's setting, for the session)."""
    await connection.execute("SELECT set_config('app.tenant_id', $1, false)", str(tenant_id))


async def digests(connection: asyncpg.Connection, table: TenantTable, tenant_id: int) -> dict[Any, str]:
    rows = await connection.fetch(
        f'SELECT id, {table.row_digest()} AS digest FROM "{table.name}" WHERE "{table.tenant_column}" = $1',  # noqa: S608
        tenant_id,
    )
    return {row["id"]: row["digest"] for row in rows}


async def _rows(connection: asyncpg.Connection, table: TenantTable, tenant_id: int, ids: list[Any]) -> list[Any]:
    return list(
        await connection.fetch(
            f'SELECT {table.quoted()} FROM "{table.name}" WHERE "{table.tenant_column}" = $1 AND id = ANY($2)',  # noqa: S608
            tenant_id,
            ids,
        )
    )


async def _overwrite(target: asyncpg.Connection, table: TenantTable, rows: list[Any]) -> None:
    columns = table.columns
    values = ", ".join(f"${index}" for index in range(1, len(columns) + 1))
    updates = ", ".join(f'"{column}" = EXCLUDED."{column}"' for column in columns if column != "id")
    await target.executemany(
        f'INSERT INTO "{table.name}" ({table.quoted()}) VALUES ({values}) '  # noqa: S608
        f"ON CONFLICT (id) DO UPDATE SET {updates}",
        [tuple(row) for row in rows],
    )


@dataclass
class Copied:
    """What one pass wrote at the target, in rows."""

    copied: int = 0
    overwritten: int = 0
    deleted: int = 0


async def sync(
    source: asyncpg.Connection, target: asyncpg.Connection, tables: list[TenantTable], tenant_id: int
) -> Copied:
    """Make the target's rows of `tenant_id` equal to the source's (see the module); in one target transaction."""
    done = Copied()
    async with target.transaction():
        for table in reversed(tables):
            have, want = await digests(target, table, tenant_id), await digests(source, table, tenant_id)
            gone = sorted(set(have) - set(want))
            if gone:
                await target.execute(f'DELETE FROM "{table.name}" WHERE id = ANY($1)', gone)  # noqa: S608
                done.deleted += len(gone)
        for table in tables:
            have, want = await digests(target, table, tenant_id), await digests(source, table, tenant_id)
            missing = sorted(set(want) - set(have))
            changed = sorted(key for key in set(want) & set(have) if want[key] != have[key])
            if missing:
                records = [tuple(row) for row in await _rows(source, table, tenant_id, missing)]
                await target.copy_records_to_table(table.name, records=records, columns=list(table.columns))
                done.copied += len(records)
            if changed:
                await _overwrite(target, table, await _rows(source, table, tenant_id, changed))
                done.overwritten += len(changed)
    return done


async def checksums(connection: asyncpg.Connection, tables: list[TenantTable], tenant_id: int) -> dict[str, list[Any]]:
    """Per table: [rows, digest of every row in id order]."""
    found: dict[str, list[Any]] = {}
    for table in tables:
        row = await connection.fetchrow(
            f"SELECT count(*) AS rows, md5(coalesce(string_agg({table.row_digest()}, '' ORDER BY id), '')) AS digest "  # noqa: S608
            f'FROM "{table.name}" WHERE "{table.tenant_column}" = $1',
            tenant_id,
        )
        found[table.name] = [row["rows"], row["digest"]]
    return found


async def delete_rows(connection: asyncpg.Connection, tables: list[TenantTable], tenant_id: int) -> int:
    """Delete every row of `tenant_id` from these tables, children first, in one transaction; how many."""
    deleted = 0
    async with connection.transaction():
        for table in reversed(tables):
            status = await connection.execute(
                f'DELETE FROM "{table.name}" WHERE "{table.tenant_column}" = $1', tenant_id  # noqa: S608
            )
            deleted += int(status.split()[-1])
    return deleted
