"""The database road of compiled trusted documents (`schema.compiled`): one planned SELECT per page, run on the
connection of the caller's `tenant_scope` transaction.

Raw SQL lives here, under models/, because it passes the tenant manager by: the statement a plan builds names
its tenant column itself, and this module gives it the tenant in context as `$1` (failing closed when there is
none, as the manager does), while the transaction's `app.tenant_id` keeps row-level security in force beneath.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models.base import current_tenant_id


def runs_plans(connection: BaseDBAsyncClient) -> bool:
    """Plans are PostgreSQL statements: the embedded SQLite default keeps the executor."""
    return connection.capabilities.dialect == "postgres"


async def fetch_page(connection: BaseDBAsyncClient, sql: str, limit: int, offset: int) -> Sequence[Any]:
    """The rows of one page: `sql` takes the tenant (`$1`), the row limit (`$2`) and the offset (`$3`)."""
    _, rows = await connection.execute_query(sql, [current_tenant_id(), limit, offset])
    return rows
