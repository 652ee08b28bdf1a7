"""What a refused operation must not have written, as one comparable value: a digest of every row of a synagogue
in every tenant table (read past row-level security, through the `owner_db` fixture), of the synagogue's own row
and memberships, of the people involved (their user rows and sign-in sessions), and of the platform-wide tables
an operation could touch (the platform audit log, software releases).

    async with unchanged(owner_db, victim.tenant, outsider):
        ...  # the refused operations

`unchanged` takes the snapshot before the block and fails after it, naming the tables that changed, if the
snapshot differs. Every `*cross_tenant*` and `*missing_role*` test calls it (tests/test_test_layout.py checks).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

import asyncpg

from models.synagogue import Synagogue
from tests.support.actors import Actor

Scope = Synagogue | Actor | None
"""A synagogue (its rows), or an actor (its user and sessions, and the rows of the synagogue it acts in)."""

PLATFORM_TABLES = ("platform_audit_entry", "software_release")
_DIGEST = "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
_tenant_tables: list[str] = []


async def tenant_tables(owner_db: asyncpg.Connection) -> list[str]:
    """Every table with a `tenant_id` column (read once per run: the schema does not change under the suite)."""
    if not _tenant_tables:
        rows = await owner_db.fetch(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
            " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            " WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'"
            " ORDER BY c.table_name"
        )
        _tenant_tables.extend(row["table_name"] for row in rows)
    return list(_tenant_tables)


def _ids(scope: Iterable[Scope]) -> tuple[list[int], list[int]]:
    """(synagogue ids, user ids) named by the scope."""
    tenants: set[int] = set()
    users: set[int] = set()
    for item in scope:
        if isinstance(item, Synagogue):
            tenants.add(item.id)
        elif isinstance(item, Actor):
            users.add(item.user.id)
            if item.tenant is not None:
                tenants.add(item.tenant.id)
    return sorted(tenants), sorted(users)


async def snapshot(owner_db: asyncpg.Connection, *scope: Scope) -> dict[str, str]:
    """A digest per table of the rows the scope owns; equal snapshots mean nothing of it was written."""
    tenants, users = _ids(scope)
    assert tenants or users, "a snapshot of nothing proves nothing"
    members = await owner_db.fetchval(
        "SELECT coalesce(array_agg(DISTINCT user_id ORDER BY user_id), '{}') FROM membership"
        " WHERE synagogue_id = ANY($1::int[])",
        tenants,
    )
    people = sorted({*users, *members})
    queries: dict[str, tuple[str, tuple[list[int], ...]]] = {
        **{
            table: (f"SELECT {_DIGEST} FROM {table} t WHERE t.tenant_id = ANY($1::int[])", (tenants,))
            for table in await tenant_tables(owner_db)
        },
        "synagogue": (f"SELECT {_DIGEST} FROM synagogue t WHERE t.id = ANY($1::int[])", (tenants,)),
        "membership": (
            f"SELECT {_DIGEST} FROM membership t WHERE t.synagogue_id = ANY($1::int[]) OR t.user_id = ANY($2::int[])",
            (tenants, people),
        ),
        "app_user": (f"SELECT {_DIGEST} FROM app_user t WHERE t.id = ANY($1::int[])", (people,)),
        "session_family": (f"SELECT {_DIGEST} FROM session_family t WHERE t.user_id = ANY($1::int[])", (people,)),
        "refresh_token": (
            f"SELECT {_DIGEST} FROM refresh_token t JOIN session_family f ON f.id = t.family_id"
            " WHERE f.user_id = ANY($1::int[])",
            (people,),
        ),
        **{table: (f"SELECT {_DIGEST} FROM {table} t", ()) for table in PLATFORM_TABLES},
    }
    digests: dict[str, str] = {}
    for table, (query, args) in queries.items():
        digests[table] = await owner_db.fetchval(query, *args)
    return digests


@asynccontextmanager
async def unchanged(owner_db: asyncpg.Connection, *scope: Scope) -> AsyncIterator[None]:
    """Fail after the block if it wrote anything the scope owns (see `snapshot`)."""
    before = await snapshot(owner_db, *scope)
    yield
    after = await snapshot(owner_db, *scope)
    changed = sorted(table for table in before if before[table] != after[table])
    assert not changed, f"written by a refused operation: {changed}"
