"""How `tenant_scope` opens a tenant's transaction, wherever the tenant lives.

- A shared tenant: a transaction on the central database (Tortoise's `default`), whose `BEGIN` enters the tenant
  (`models.placement.connection`), or a savepoint of the transaction already open there.
- A placed tenant: a transaction on its database, through the tenant connection manager (its breaker and the
  process's bound), its `BEGIN` entering the tenant the same way, with the central database on demand beside it
  (`models.placement.central`), committed after it; or a savepoint of the transaction this context already holds
  on that database.
- A tenant whose cached placement is stale meets the fence of the database it left (or has not reached yet) at its
  `BEGIN`: its placement is read again and the transaction opened where it lives now; a tenant fenced where the
  registry still puts it is in the middle of a move's switch (`TenantMoving`, answered UNAVAILABLE).

Inside a savepoint for another tenant, the database is given back the outer tenant's setting when it ends."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.connection import get_connection, get_connections

from models.placement import routing
from models.placement.central import CentralOnDemand
from models.placement.connection import (
    NOT_HERE_SQLSTATE,
    TenantToSend,
    Transaction,
    begin_with_tenant,
    enter_tenant,
    set_database_tenant,
    sqlstate_of,
)
from models.placement.failures import MOVING_MESSAGE, TenantMoving
from models.placement.pools import manager

_owners: dict[int, int] = {}
"""The tenant each held placed transaction (by `id()`) was opened for, to give it back after a savepoint."""


@asynccontextmanager
async def open_tenant(tenant_id: int, outer: int | None) -> AsyncIterator[BaseDBAsyncClient]:
    """The transaction (or savepoint) of `tenant_id`, opened where it lives (see the module)."""
    await routing.ensure_loaded()
    async with AsyncExitStack() as stack:
        for attempt in (1, 2):
            database = routing.database_of(tenant_id)
            try:
                connection = await stack.enter_async_context(_open(tenant_id, database, outer))
            except Exception as error:
                if sqlstate_of(error) != NOT_HERE_SQLSTATE:
                    raise
                if attempt == 2 or await routing.refresh(tenant_id) == database:
                    raise TenantMoving(database, MOVING_MESSAGE) from error
                continue
            break
        yield connection


def database_transaction(database: str) -> Any:
    """A transaction on one database as such, entering no tenant: the central one (`routing.SHARED`) or a placed
    one through the tenant connection manager (its breaker and the process's bound). For work over the rows of every
    synagogue a database holds that is no synagogue's own (the worker's claim, the queue's gauges)."""
    return Transaction() if database == routing.SHARED else manager().transaction(database)


def holds_transaction(tenant_id: int) -> bool:
    """Whether this context already holds a transaction on the database `tenant_id` lives in (for
    `models.base.joined_scope`): the central one's for a shared tenant, the placed one's otherwise."""
    database = routing.database_of(tenant_id)
    if database == routing.SHARED:
        return isinstance(get_connections().get("default"), TransactionalDBClient)
    return routing.open_transaction(database) is not None


def _open(tenant_id: int, database: str, outer: int | None) -> Any:
    if database == routing.SHARED:
        return _shared(tenant_id, outer)
    held = routing.open_transaction(database)
    if held is not None:
        return _savepoint(held, tenant_id)
    return _placed(tenant_id, database)


@asynccontextmanager
async def _entering(tenant_id: int, opener: Any) -> AsyncIterator[tuple[BaseDBAsyncClient, bool]]:
    """`opener` (a transaction context) with its `BEGIN` entering `tenant_id`; yields the connection and whether
    the `BEGIN` did (else the caller is in a savepoint, or on SQLite)."""
    pending = TenantToSend(tenant_id)
    begin = begin_with_tenant.set(pending)
    begun = False
    try:
        async with opener as connection:
            begin_with_tenant.reset(begin)
            begun = True
            if not pending.sent:  # SQLite, or a savepoint inside a transaction already open
                await enter_tenant(connection, tenant_id)
            yield connection, pending.sent
    finally:
        if not begun:
            begin_with_tenant.reset(begin)


@asynccontextmanager
async def _shared(tenant_id: int, outer: int | None) -> AsyncIterator[BaseDBAsyncClient]:
    async with _entering(tenant_id, Transaction()) as (connection, began):
        yield connection
        if outer is not None and outer != tenant_id and not began:
            await set_database_tenant(connection, outer)  # before the savepoint is released


@asynccontextmanager
async def _savepoint(held: BaseDBAsyncClient, tenant_id: int) -> AsyncIterator[BaseDBAsyncClient]:
    owner = _owners.get(id(held))
    async with held._in_transaction() as savepoint:
        await enter_tenant(savepoint, tenant_id)
        yield savepoint
        if owner is not None and owner != tenant_id:
            await set_database_tenant(savepoint, owner)


@asynccontextmanager
async def _placed(tenant_id: int, database: str) -> AsyncIterator[BaseDBAsyncClient]:
    central: CentralOnDemand | None = None
    try:
        async with _entering(tenant_id, manager().transaction(database)) as (connection, _):
            default = get_connection("default")
            if not isinstance(default, TransactionalDBClient | CentralOnDemand):
                central = CentralOnDemand(default, connection)
            token = get_connections().set("default", central) if central is not None else None  # type: ignore[arg-type]
            _owners[id(connection)] = tenant_id
            try:
                with routing.holding(database, connection):
                    yield connection
            finally:
                _owners.pop(id(connection), None)
                get_connections().reset(token)
    except BaseException:
        if central is not None:
            await central.finish(commit=False)
        raise
    if central is not None:
        await central.finish(commit=True)  # after the tenant's own commit (see models.placement.central)
