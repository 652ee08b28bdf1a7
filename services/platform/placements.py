"""The placement commands other than a move: `main.py tenant list` (each synagogue's placement, size and any move
in progress) and `main.py tenant place SLUG --database NAME` (a new or empty synagogue: a move with nothing to
copy). Sizes are counted as each database's owner: in one grouped pass per table when the owner bypasses
row-level security, else synagogue by synagogue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import asyncpg

from config import Settings
from models.platform import SHARED
from services.platform import tenant_tables as rows
from services.platform.moves import MoveReport, move_tenant
from services.platform.owners import Owners, PlacementError, placement_of


@dataclass
class Listed:
    """One synagogue as `tenant list` shows it."""

    slug: str
    name: str
    database: str
    rows: int
    bytes: int
    moving_to: str | None


async def _bypasses_rls(connection: asyncpg.Connection) -> bool:
    return bool(await connection.fetchval("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"))


async def _sizes(connection: asyncpg.Connection, tenants: list[int]) -> dict[int, tuple[int, int]]:
    """(rows, bytes) of each of `tenants` in this database."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    if await _bypasses_rls(connection):
        for table in rows.tenant_tables():
            for found in await connection.fetch(
                f'SELECT "{table.tenant_column}" AS tenant, count(*) AS rows, sum(pg_column_size(t.*)) AS bytes '  # noqa: S608
                f'FROM "{table.name}" t WHERE "{table.tenant_column}" = ANY($1) GROUP BY 1',
                tenants,
            ):
                totals[found["tenant"]][0] += found["rows"]
                totals[found["tenant"]][1] += found["bytes"] or 0
    else:
        for tenant in tenants:
            await rows.serve_tenant(connection, tenant)
            for table in rows.tenant_tables():
                found = await connection.fetchrow(
                    f'SELECT count(*) AS rows, sum(pg_column_size(t.*)) AS bytes FROM "{table.name}" t '  # noqa: S608
                    f'WHERE "{table.tenant_column}" = $1',
                    tenant,
                )
                totals[tenant][0] += found["rows"]
                totals[tenant][1] += found["bytes"] or 0
    return {tenant: (values[0], values[1]) for tenant, values in totals.items()}


async def list_placements(settings: Settings) -> list[Listed]:
    """Every synagogue with its placement, its size there and the target of a move in progress."""
    owners = Owners(settings)
    async with owners.central() as central:
        synagogues = await central.fetch(
            "SELECT s.id, s.slug, s.name, coalesce(p.database, $1) AS database, m.target "
            "FROM synagogue s LEFT JOIN tenant_placement p ON p.synagogue_id = s.id "
            "LEFT JOIN tenant_move m ON m.synagogue_id = s.id ORDER BY s.slug",
            SHARED,
        )
    by_database: dict[str, list[int]] = defaultdict(list)
    for synagogue in synagogues:
        by_database[synagogue["database"]].append(synagogue["id"])
    sizes: dict[int, tuple[int, int]] = {}
    for database, tenants in sorted(by_database.items()):
        connection = await owners.connect(database)
        try:
            sizes.update(await _sizes(connection, tenants))
        finally:
            await connection.close()
    return [
        Listed(row["slug"], row["name"], row["database"], *sizes.get(row["id"], (0, 0)), row["target"])
        for row in synagogues
    ]


async def place_tenant(settings: Settings, slug: str, database: str, say: Callable[[str], None] = print) -> MoveReport:
    """Place a new or empty synagogue in `database` (refused when it has rows: `tenant move` is for those)."""
    owners = Owners(settings)
    tenant_id, current = await placement_of(owners, slug)
    connection = await owners.connect(current)
    try:
        await rows.serve_tenant(connection, tenant_id)
        counted = await rows.checksums(connection, rows.tenant_tables(), tenant_id)
        held = sum(table[0] for table in counted.values())
    finally:
        await connection.close()
    if held:
        raise PlacementError(f"{slug} already has {held} rows in {current}: use `tenant move {slug} --to {database}`")
    return await move_tenant(settings, slug, database, say)


def placement_lines(rows: list[Listed]) -> list[str]:
    """`tenant list`'s table: every synagogue's placement, size and move in progress."""
    lines = [f"{'slug':<32} {'database':<20} {'rows':>10} {'kB':>10}  moving to"]
    for row in rows:
        lines.append(f"{row.slug:<32} {row.database:<20} {row.rows:>10} {row.bytes // 1024:>10}  {row.moving_to or ''}")
    return lines


def move_lines(result: MoveReport) -> list[str]:
    """What `tenant place` and `tenant move` did: each table's rows and checksum, then the outcome."""
    lines = [f"  {table:<32} {count:>8} rows  {checksum}" for table, (count, checksum) in sorted(result.tables.items())]
    done = f"rolled back the move to {result.rolled_back}" if result.rolled_back else f"now in {result.target}"
    return [*lines, f"{result.slug}: {done} (writes refused for {result.read_only_seconds:.3f} s)"]
