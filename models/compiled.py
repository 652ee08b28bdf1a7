"""The database road of compiled trusted documents (`schema.compiled`): one planned SELECT per page, run on the
connection of the caller's `tenant_scope` transaction, where the synagogue's rows live.

Raw SQL lives here, under models/, because it passes the tenant manager by: the statement a plan builds names
its tenant column itself, and this module gives it the tenant in context as `$1` (failing closed when there is
none, as the manager does), while the transaction's `app.tenant_id` keeps row-level security in force beneath.

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

from models.base import current_tenant_id
from models.placement import routing
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
