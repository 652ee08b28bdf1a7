"""The application's PostgreSQL connections, to the central database and to every placed one.

A tenant's transaction enters the tenant in its `BEGIN` round trip: `shulgraph_enter_tenant(id)`, a function that
`main.py migrate` creates in every database, sets row-level security's `app.tenant_id`, refuses a tenant whose rows
do not live in this database (a fence: SQLSTATE `SGT01`, which tells a process its cached placement is stale), and
makes the transaction read-only while a move holds the tenant's switch lock. Pooled connections go back without
asyncpg's reset query, and a transaction whose `BEGIN` failed gives its connection back to its pool.

Nothing here imports the rest of `models`: `models.base` and the placement package both stand on it."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any
from urllib.parse import unquote, urlsplit

import asyncpg
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionContext
from tortoise.connection import get_connections
from tortoise.transactions import in_transaction

log = logging.getLogger("shulgraph.tenancy")

ENTER_FUNCTION = "shulgraph_enter_tenant"
"""Created by `migrate` in every PostgreSQL database (services/infra/migrations.py holds its SQL)."""
NOT_HERE_SQLSTATE = "SGT01"
"""Raised by the enter function for a tenant fenced off in this database (moved away, or not yet arrived)."""
READ_ONLY_SQLSTATE = "25006"
"""PostgreSQL's read_only_sql_transaction: a write of a tenant while a move holds its switch lock."""
SWITCH_LOCK_CLASS = 0x5347_5431
"""First key of the advisory lock `(class, tenant id)`: every tenant transaction holds it shared (or runs read-only
when it cannot), and a move holds it exclusively for its switch."""


class TenantToSend:
    """The tenant the next `BEGIN` of this context must enter (once)."""

    __slots__ = ("sent", "tenant_id")

    def __init__(self, tenant_id: int) -> None:
        self.tenant_id = tenant_id
        self.sent = False


begin_with_tenant: ContextVar[TenantToSend | None] = ContextVar("shulgraph_begin_with_tenant", default=None)


class TenantConnection(asyncpg.Connection):  # type: ignore[misc]  # asyncpg is untyped
    """The application's PostgreSQL connection: the `BEGIN` that `tenant_scope` opens enters the tenant in the same
    round trip (`BEGIN; SELECT shulgraph_enter_tenant(...)`), instead of a statement of its own."""

    async def execute(self, query: str, *args: Any, timeout: float | None = None) -> str:  # noqa: ASYNC109
        pending = begin_with_tenant.get()
        if pending is not None and not pending.sent and not args and query == "BEGIN;":
            pending.sent = True
            query = f"BEGIN; SELECT {ENTER_FUNCTION}({int(pending.tenant_id)});"
        status: str = await super().execute(query, *args, timeout=timeout)
        return status


async def release_connection(connection: Any) -> None:
    """asyncpg's pool reset, run after asyncpg itself rolled back any transaction left open: nothing more.

    asyncpg's default reset sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL` on every
    release, a round trip for session state ShulGraph never leaves behind: the tenant is set per
    transaction (`set_config(..., true)`), and no cursor, LISTEN, session advisory lock or `SET` outlives
    one. tests/models/test_pool.py holds the application to that."""


def postgres_credentials(url: str, minsize: int, maxsize: int, statement_timeout_ms: int) -> dict[str, Any]:
    """Tortoise's asyncpg credentials for a `postgres://` URL, with ShulGraph's connection class and release."""
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 5432,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "database": parts.path.lstrip("/"),
        "minsize": minsize,
        "maxsize": maxsize,
        "server_settings": {"statement_timeout": str(statement_timeout_ms)},
        "reset": release_connection,
        "connection_class": TenantConnection,
    }


async def set_database_tenant(connection: BaseDBAsyncClient, tenant_id: int) -> None:
    """Tell PostgreSQL's row-level security which tenant this transaction serves (no fence: the transaction
    already entered its tenant; this switches, e.g. back to the outer tenant after a savepoint)."""
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT set_config('app.tenant_id', $1, true)", [str(tenant_id)])


async def enter_tenant(connection: BaseDBAsyncClient, tenant_id: int) -> bool:
    """Enter `tenant_id` in a transaction already open (a savepoint of another tenant's): the fence (an error with
    `NOT_HERE_SQLSTATE`) and the switch lock as at `BEGIN`, then the setting. False when a move is switching the
    tenant: the transaction is read-only from here on."""
    if connection.capabilities.dialect != "postgres":
        return True
    rows = await connection.execute_query_dict(f"SELECT {ENTER_FUNCTION}($1) AS writable", [int(tenant_id)])
    return bool(rows[0]["writable"])


def sqlstate_of(error: BaseException | None) -> str | None:
    """The SQLSTATE of a PostgreSQL error, or of the error it was raised from (Tortoise wraps asyncpg's)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        state = getattr(error, "sqlstate", None)
        if isinstance(state, str):
            return state
        error = error.__cause__ or error.__context__
    return None


class Transaction:
    """`in_transaction()` on a client (the central database's by default), except that a BEGIN that fails (the
    server went away after the connection was taken from the pool) gives the connection back: Tortoise keeps it,
    and a pool that loses its connections that way hangs every later request, even once the database is back."""

    def __init__(self, client: BaseDBAsyncClient | None = None) -> None:
        self.context: TransactionContext = in_transaction() if client is None else client._in_transaction()
        self.lost_after_acquire = False
        """Set when entering failed on a connection the pool handed out (its server had ended it): the database
        itself may be fine, unlike when no connection could be made."""

    async def __aenter__(self) -> BaseDBAsyncClient:
        try:
            return await self.context.__aenter__()
        except BaseException:
            self.lost_after_acquire = getattr(getattr(self.context, "client", None), "_connection", None) is not None
            await self._give_back()
            raise

    async def __aexit__(self, *exc_info: Any) -> Any:
        return await self.context.__aexit__(*exc_info)

    async def _give_back(self) -> None:
        client = getattr(self.context, "client", None)
        pool = getattr(getattr(client, "_parent", None), "_pool", None)
        connection = getattr(client, "_connection", None)
        if pool is not None and connection is not None:
            try:
                await pool.release(connection)
            except Exception:
                log.warning("a connection that failed to begin could not be released", exc_info=True)
        token = getattr(self.context, "token", None)
        if token is not None:
            get_connections().reset(token)
