"""Placement for tests: which databases the suite may place a synagogue in (tests/support/database.py), the pass
the suite runs in (`SHULGRAPH_TEST_PLACEMENT=placed`: every synagogue the factory makes is placed in `tenants_a`;
scripts/test runs the isolation, tenancy and security tests that way too), a new synagogue placed directly, and an
owner connection to whichever database holds a synagogue's rows.

`place_new` leaves what `main.py tenant place` leaves for an empty synagogue (its registry row copied into the
database, the placement in the central registry, the central database's fence), without the command's journal
and checks: the factory places hundreds of synagogues; tests/platform/ tests the command itself."""

from __future__ import annotations

import os

import asyncpg

from models.placement import routing
from models.synagogue import Synagogue
from services.platform import tenant_tables
from tests.support.database import OWNER_URL, PLACED, placed_owner_url

PASS = os.environ.get("SHULGRAPH_TEST_PLACEMENT", "shared")
"""`placed` in the placed pass of scripts/test, else `shared`."""
PLACED_PASS_DATABASE = "tenants_a"


def default_database() -> str | None:
    """Where the factory puts a new synagogue: `tenants_a` in the placed pass, else the shared database (None)."""
    return PLACED_PASS_DATABASE if PASS == "placed" else None


def owner_url(database: str | None) -> str:
    """The owner URL of a declared database (None or `shared`: the central one)."""
    return OWNER_URL if database in (None, "shared", routing.SHARED) else placed_owner_url(database)


async def place_new(synagogue: Synagogue, database: str) -> None:
    """Place a synagogue that has no rows yet in `database` (see the module)."""
    assert database in PLACED, database
    central = await asyncpg.connect(OWNER_URL)
    target = await asyncpg.connect(placed_owner_url(database))
    try:
        await tenant_tables.sync(central, target, [tenant_tables.synagogue_table()], synagogue.id)
        await target.execute("DELETE FROM tenant_fence WHERE synagogue_id = $1", synagogue.id)
        await central.execute(
            "INSERT INTO tenant_fence (synagogue_id, state, since) VALUES ($1, 'DEPARTED', now()) "
            "ON CONFLICT (synagogue_id) DO UPDATE SET state = 'DEPARTED'",
            synagogue.id,
        )
        await central.execute(
            "INSERT INTO tenant_placement (synagogue_id, database, placed_at) VALUES ($1, $2, now())",
            synagogue.id,
            database,
        )
    finally:
        await central.close()
        await target.close()
    routing.remember(synagogue.id, database)


async def database_of(synagogue_id: int) -> str | None:
    """Where the central registry places the synagogue now (None: the shared database)."""
    central = await asyncpg.connect(OWNER_URL)
    try:
        found: str | None = await central.fetchval(
            "SELECT database FROM tenant_placement WHERE synagogue_id = $1", synagogue_id
        )
    finally:
        await central.close()
    return found


async def connect_to_rows(synagogue_id: int) -> asyncpg.Connection:
    """An owner connection to the database that holds the synagogue's rows now."""
    connection: asyncpg.Connection = await asyncpg.connect(owner_url(await database_of(synagogue_id)))
    return connection
