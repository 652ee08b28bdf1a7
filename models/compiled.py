"""The database road of compiled trusted documents (`schema.compiled`): one planned SELECT per page, run on the
connection of the caller's `tenant_scope` transaction, where the synagogue's rows live.

Raw SQL lives here, under models/, because it passes the tenant manager by: the statement a plan builds names
its tenant column itself, and this module gives it the tenant in context as `$1` (failing closed when there is
none, as the manager does), while the transaction's `app.tenant_id` keeps row-level security in force beneath.

A page of a shared synagogue's rows, asked for outside any transaction (a request's compiled document), takes
`read_page`: its own transaction on a pooled connection of the central database, `BEGIN` entering the tenant in
the same round trip as every tenant transaction does (`models.placement.connection`: the fence, the switch lock,
`app.tenant_id`), the page, `COMMIT` (or `ROLLBACK`: asyncpg's own transaction), without Tortoise's wrappers,
which cost a compiled request more CPU than the page itself.

Placement (`models.placement`): a page of the synagogue's own rows runs on its transaction, in its database; a
page of central rows (memberships and their users) on the central database, as the tenant's operation reads it
(`get_connection("default")`: the operation's own transaction there, or the central database on demand beside a
placed tenant's). A placed database keeps a copy of the synagogue's registry row only for its foreign keys, never
read: a page that needs the synagogue's time zone gets it from the central row as a parameter instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.log import db_client_logger as STATEMENTS

from models.base import current_tenant_id
from models.placement import routing
from models.placement.connection import TenantToSend, begin_with_tenant
from models.placement.scope import holds_transaction
from models.synagogue import Synagogue


@dataclass(frozen=True)
class PageStatement:
    """One page's SELECT. `sql` takes the tenant (`$1`), the row limit (`$2`) and the offset (`$3`) and, when
    `zone`, reads the synagogue's time zone by a subquery; `sql_given_zone` is the same statement with the zone as
    `$4` (for a placed synagogue). `central`: it reads central tables only."""

    sql: str
    sql_given_zone: str
    zone: bool
    central: bool


def runs_plans(connection: BaseDBAsyncClient) -> bool:
    """Plans are PostgreSQL statements: the embedded SQLite default keeps the executor."""
    return connection.capabilities.dialect == "postgres"


async def fetch_page(connection: BaseDBAsyncClient, page: PageStatement, limit: int, offset: int) -> Sequence[Any]:
    """The rows of one page, `connection` being the tenant's transaction (see the module)."""
    tenant_id = current_tenant_id()
    if page.central:
        _, rows = await get_connection("default").execute_query(page.sql, [tenant_id, limit, offset])
        return rows
    if page.zone and routing.database_of(tenant_id) != routing.SHARED:
        synagogue = await Synagogue.filter(id=tenant_id).only("id", "timezone").first()
        zone = synagogue.timezone if synagogue is not None else None
        _, rows = await connection.execute_query(page.sql_given_zone, [tenant_id, limit, offset, zone])
        return rows
    _, rows = await connection.execute_query(page.sql, [tenant_id, limit, offset])
    return rows


async def read_page(tenant_id: int, page: PageStatement, limit: int, offset: int) -> Sequence[Any] | None:
    """The rows of one page of a shared synagogue, in a transaction of its own (see the module); None when the
    page is not one for this road (central rows, a placed synagogue, a transaction already held here, a pool not
    opened yet): the caller reads it in `tenant_scope` instead. Errors are raised as asyncpg raises them."""
    await routing.ensure_loaded()
    if page.central or routing.database_of(tenant_id) != routing.SHARED or holds_transaction(tenant_id):
        return None
    pool = getattr(get_connection("default"), "_pool", None)
    if pool is None:
        return None
    pending = TenantToSend(tenant_id)  # the BEGIN below enters the tenant (`TenantConnection.execute`)
    token = begin_with_tenant.set(pending)
    try:
        async with pool.acquire() as connection, connection.transaction():
            if not pending.sent:  # fail closed: row-level security would not know the tenant
                raise RuntimeError("the transaction did not enter its tenant")
            values = [tenant_id, limit, offset]
            STATEMENTS.debug("%s: %s", page.sql, values)  # as Tortoise logs the statements it sends
            rows: Sequence[Any] = await connection.fetch(page.sql, *values)
    finally:
        begin_with_tenant.reset(token)
    return rows
