"""What a refused operation must not have written, as one comparable value: a digest of every row of the given
synagogues in every tenant table, and of their own rows (read past row-level security, through the `owner_db`
fixture), and of every row of the global tables an operation could touch: users, memberships, invitations,
sessions and refresh tokens, audit entries (of any synagogue, and the platform's), jobs and software releases.

    async with unchanged(owner_db, victim.tenant, outsider):
        ...  # the refused operations

`unchanged` takes the snapshot before the block and fails after it, naming the tables that changed, if the
snapshot differs. The suite's placed databases are part of the snapshot (a placed synagogue's rows live there).
Every `*cross_tenant*` and `*missing_role*` test calls it (tests/test_test_layout.py checks).
The suite runs one test at a time and nothing in the background writes the global tables, so their digests
change only by what the block does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import asyncpg

from models.synagogue import Synagogue
from tests.support.actors import Actor, Caller
from tests.support.database import PLACED, placed_owner_url

Scope = Synagogue | Caller
"""A synagogue, or a caller: a member adds the synagogue it acts in, a platform admin (a member of none) adds
nothing. With no scope at all, the snapshot holds the global tables only (what an anonymous caller could reach)."""

GLOBAL_TABLES = (
    "app_user",
    "membership",
    "invitation",
    "session_family",
    "refresh_token",
    "audit_entry",
    "platform_audit_entry",
    "job",
    "software_release",
)
BOOKKEEPING = {"api_key_credential": ("last_used_at",), "device_identity": ("last_seen_at", "online")}
"""Columns stamped whatever the operation, by table: a partner key's last use is noted as soon as the key
authenticates, before the operation it presents is refused (the key was used; nothing of the synagogue is), and
a connected TV's presence is refreshed by the server's own clock while it holds a live subscription."""
_tenant_tables: list[str] = []


async def tenant_tables(owner_db: asyncpg.Connection) -> list[str]:
    """Every table with a `tenant_id` column but the global ones (read once: the schema does not change under
    the suite)."""
    if not _tenant_tables:
        rows = await owner_db.fetch(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
            " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'"
            " ORDER BY c.table_name"
        )
        _tenant_tables.extend(row["table_name"] for row in rows if row["table_name"] not in GLOBAL_TABLES)
    return list(_tenant_tables)


def _digest(table: str) -> str:
    """SQL of the digest of `table`'s rows (alias `t`), its bookkeeping columns left out."""
    row = "to_jsonb(t)" + "".join(f" - '{column}'" for column in BOOKKEEPING.get(table, ()))
    return f"md5(coalesce(string_agg(({row})::text, '|' ORDER BY ({row})::text), ''))"


def tenant_ids(scope: Iterable[Scope]) -> list[int]:
    """The synagogues the scope names."""
    found: set[int] = set()
    for item in scope:
        if isinstance(item, Actor):
            found.add(item.tenant.id)
        elif isinstance(item, Synagogue):
            found.add(item.id)
    return sorted(found)


async def _tenant_digests(connection: asyncpg.Connection, tenants: list[int], tables: list[str]) -> dict[str, str]:
    return {
        table: await connection.fetchval(
            f"SELECT {_digest(table)} FROM {table} t WHERE t.tenant_id = ANY($1::int[])", tenants
        )
        for table in tables
    }


async def snapshot(owner_db: asyncpg.Connection, *scope: Scope) -> dict[str, str]:
    """A digest per table (see the module); equal snapshots mean nothing of it was written in between. The placed
    databases of the suite are read too (their tenant tables, audit entries and jobs), keyed `<database>:<table>`."""
    tenants = tenant_ids(scope)
    tables = await tenant_tables(owner_db)
    digests = await _tenant_digests(owner_db, tenants, tables)
    queries: dict[str, tuple[str, tuple[list[int], ...]]] = {}
    queries["synagogue"] = (f"SELECT {_digest('synagogue')} FROM synagogue t WHERE t.id = ANY($1::int[])", (tenants,))
    queries |= {table: (f"SELECT {_digest(table)} FROM {table} t", ()) for table in GLOBAL_TABLES}
    for table, (query, args) in queries.items():
        digests[table] = await owner_db.fetchval(query, *args)
    for database in PLACED:
        placed = await asyncpg.connect(placed_owner_url(database))
        try:
            found = await _tenant_digests(placed, tenants, tables)
            for table in ("audit_entry", "job"):
                found[table] = await placed.fetchval(f"SELECT {_digest(table)} FROM {table} t")
        finally:
            await placed.close()
        digests |= {f"{database}:{table}": digest for table, digest in found.items()}
    return digests


@asynccontextmanager
async def unchanged(owner_db: asyncpg.Connection, *scope: Scope) -> AsyncIterator[None]:
    """Fail after the block if it wrote anything the snapshot holds (see `snapshot`)."""
    before = await snapshot(owner_db, *scope)
    yield
    after = await snapshot(owner_db, *scope)
    changed = sorted(table for table in before if before[table] != after[table])
    assert not changed, f"written by a refused operation: {changed}"
