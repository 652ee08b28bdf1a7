"""The central database inside the operation of a placed tenant: a transaction begun only when needed.

A placed tenant's operation runs in a transaction on its own database. What it touches of the central database
(users, memberships, the synagogue itself, credentials) goes through `CentralOnDemand`, which stands in for
Tortoise's `default` connection for the operation: reads go to the central pool as they come, the first write (or
row lock, or `in_transaction()`) begins a central transaction that every later statement of the operation joins,
and `tenant_scope` commits it after the tenant's own transaction committed (a tenant row is never left pointing at
a central row that was not written: a key's credential, a device's identity). `in_transaction()` inside the
operation is a savepoint on both databases."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from models.placement.client import TenantTransaction

_WRITES = ("INSERT", "UPDATE", "DELETE", "WITH", "LOCK", "MERGE")
_LOCKS = (" FOR UPDATE", " FOR NO KEY UPDATE", " FOR SHARE", " FOR KEY SHARE")


def writes(query: str) -> bool:
    """Whether a statement needs the operation's transaction: a write, or a read that locks rows."""
    start = query.lstrip()[:6].upper()
    return start.startswith(_WRITES) or any(lock in query.upper() for lock in _LOCKS)


class CentralOnDemand:
    """Tortoise's `default` connection for one placed tenant's operation (see the module)."""

    def __init__(self, central: BaseDBAsyncClient, tenant: BaseDBAsyncClient) -> None:
        self._central = central
        self._tenant = tenant
        self._transaction: TenantTransaction | None = None
        self._lock = asyncio.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transaction if self._transaction is not None else self._central, name)

    @property
    def begun(self) -> bool:
        return self._transaction is not None

    async def begin(self) -> TenantTransaction:
        """The operation's central transaction, begun on first use."""
        async with self._lock:
            if self._transaction is None:
                central: Any = self._central
                if central._pool is None:
                    async with central._pool_init_lock:
                        if central._pool is None:
                            await central.create_connection(with_db=True)
                connection = await central._pool.acquire()
                transaction = TenantTransaction(central)
                transaction._connection = connection
                try:
                    await transaction.begin()
                except BaseException:
                    await central._pool.release(connection)
                    raise
                self._transaction = transaction
            return self._transaction

    async def finish(self, commit: bool) -> None:
        """Commit (or roll back) the central transaction if one was begun, and give its connection back."""
        transaction, self._transaction = self._transaction, None
        if transaction is None:
            return
        try:
            if not transaction._finalized:
                await (transaction.commit() if commit else transaction.rollback())
        finally:
            await self._central._pool.release(transaction._connection)

    async def _client(self, query: str) -> BaseDBAsyncClient:
        if self._transaction is None and writes(query):
            return await self.begin()
        return self._transaction if self._transaction is not None else self._central

    async def execute_query(self, query: str, values: list[Any] | None = None) -> Any:
        return await (await self._client(query)).execute_query(query, values)

    async def execute_query_dict(self, query: str, values: list[Any] | None = None) -> Any:
        return await (await self._client(query)).execute_query_dict(query, values)

    async def execute_query_dict_with_affected(self, query: str, values: list[Any] | None = None) -> Any:
        return await (await self._client(query)).execute_query_dict_with_affected(query, values)

    async def execute_insert(self, query: str, values: list[Any]) -> Any:
        return await (await self.begin()).execute_insert(query, values)

    async def execute_many(self, query: str, values: list[Any]) -> Any:
        return await (await self.begin()).execute_many(query, values)

    async def execute_script(self, query: str) -> Any:
        return await (await self.begin()).execute_script(query)

    def _in_transaction(self) -> Savepoints:
        return Savepoints(self)


class Savepoints:
    """`in_transaction()` in a placed tenant's operation: a savepoint on the central transaction (begun for it) and
    on the tenant's, entered and left together; it yields the central one, as `in_transaction()` always did."""

    def __init__(self, central: CentralOnDemand) -> None:
        self.central = central
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> BaseDBAsyncClient:
        transaction = await self.central.begin()
        await self._stack.__aenter__()
        try:
            client: BaseDBAsyncClient = await self._stack.enter_async_context(transaction._in_transaction())
            await self._stack.enter_async_context(self.central._tenant._in_transaction())
        except BaseException:
            await self._stack.aclose()
            raise
        return client

    async def __aexit__(self, *exc_info: Any) -> bool:
        return bool(await self._stack.__aexit__(*exc_info))
