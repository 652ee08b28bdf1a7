"""Which database serves a tenant, as this process knows it, and which connection a tenant's query takes.

The process keeps the placements of the central registry (`tenant_placement`: only placed synagogues have a row,
every other one is in the shared database) in memory, read whole at startup. A move makes that knowledge stale in
every other process; it is corrected where it matters: a transaction that enters a tenant in a database the tenant
no longer lives in meets that database's fence and fails at its `BEGIN`, and `tenant_scope` then reads the
tenant's placement again and opens its transaction where the tenant is now.

`connection_for` is the road of every tenant-placed model (`models.base.PlacedMeta`): the open transaction of the
tenant's database in this context, else that database's pool; the central database (Tortoise's `default`, or the
operation's transaction on it) for a shared tenant or no tenant at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection

from models.placement.pools import manager

SHARED = ""
"""How this module writes the shared (central) database: `models.platform.SHARED` is its name for people."""

_placed: dict[int, str] = {}
_loaded = False
_transactions: ContextVar[dict[str, BaseDBAsyncClient] | None] = ContextVar("shulgraph_tenant_txs", default=None)


def database_of(tenant_id: int) -> str:
    """The database this process believes serves `tenant_id` (SHARED for the central one)."""
    return _placed.get(tenant_id, SHARED)


def databases_in_use() -> list[str]:
    """The placed databases that hold at least one synagogue, as this process knows them."""
    return sorted(set(_placed.values()))


def placed_tenants() -> dict[int, str]:
    return dict(_placed)


PLACEMENTS_TABLE = "tenant_placement"
"""`models.platform.TenantPlacement`'s table, read here by its name: `models.platform` stands on `models.base`, which
stands on this module (the model itself would close an import cycle)."""


async def load_placements() -> dict[int, str]:
    """Read every placement from the central registry (at startup; the worker reads them on every poll)."""
    global _loaded
    rows = await get_connection("default").execute_query_dict(
        f"SELECT synagogue_id, database FROM {PLACEMENTS_TABLE}"  # noqa: S608 - a constant
    )
    _placed.clear()
    _placed.update({int(row["synagogue_id"]): str(row["database"]) for row in rows})
    _loaded = True
    return dict(_placed)


async def ensure_loaded() -> None:
    if not _loaded:
        await load_placements()


async def refresh(tenant_id: int) -> str:
    """Read one tenant's placement again (its cached one met a fence); the database it is in now."""
    rows = await get_connection("default").execute_query_dict(
        f"SELECT database FROM {PLACEMENTS_TABLE} WHERE synagogue_id = $1",  # noqa: S608 - a constant
        [int(tenant_id)],
    )
    if not rows:
        _placed.pop(tenant_id, None)
    else:
        _placed[tenant_id] = str(rows[0]["database"])
    return database_of(tenant_id)


def forget() -> None:
    """Drop what this process knows (tests that change placements behind its back, and a new start)."""
    global _loaded
    _placed.clear()
    _loaded = False


def remember(tenant_id: int, database: str) -> None:
    """Note a placement this process just made (the move command), or a stale one (tests of stale processes)."""
    if database == SHARED:
        _placed.pop(tenant_id, None)
    else:
        _placed[tenant_id] = database


def open_transaction(database: str) -> BaseDBAsyncClient | None:
    """The transaction this context holds on a placed database, if any."""
    return (_transactions.get() or {}).get(database)


@contextmanager
def holding(database: str, connection: BaseDBAsyncClient) -> Iterator[None]:
    """Within the block, the tenant models of `database`'s tenants use `connection` (a transaction on it)."""
    token = _transactions.set({**(_transactions.get() or {}), database: connection})
    try:
        yield
    finally:
        _transactions.reset(token)


def connection_for(tenant_id: int | None) -> BaseDBAsyncClient:
    """The connection a query of `tenant_id`'s rows takes now (see the module)."""
    if tenant_id is not None:
        database = _placed.get(tenant_id, SHARED)
        if database != SHARED:
            return open_transaction(database) or manager().client(database)
    return get_connection("default")
