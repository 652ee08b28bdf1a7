"""The Tortoise engine of ShulGraph's PostgreSQL databases (`"engine": "models.placement.client"`): Tortoise's asyncpg
client, except that a write refused because a move is switching the tenant (PostgreSQL's read-only transaction,
set by `shulgraph_enter_tenant`) raises `TenantMoving` instead of Tortoise's `TransactionManagementError`. So the
operation's transaction is rolled back as after any error (Tortoise skips the rollback after a
`TransactionManagementError`, and asyncpg then resets a connection given back in a transaction), and the error is
the expected UNAVAILABLE, not an unexpected one. Its savepoints are safe beside concurrent fields (below)."""

from __future__ import annotations

from typing import Any

from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import NestedTransactionContext, TransactionContext, TransactionContextPooled
from tortoise.exceptions import TransactionManagementError

from models.placement.connection import READ_ONLY_SQLSTATE, sqlstate_of
from models.placement.failures import MOVING_MESSAGE, TenantMoving


async def _translated(client: Any, translate: Any, func: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return await translate(func, *args, **kwargs)
    except TransactionManagementError as error:
        if sqlstate_of(error) == READ_ONLY_SQLSTATE:
            raise TenantMoving(client.connection_name, MOVING_MESSAGE) from error
        raise


class TenantTransaction(TransactionWrapper):
    """A transaction (or savepoint) on a `TenantClient`. A savepoint shares its transaction's lock, and takes it to
    begin, release or roll back too: the fields of one operation run concurrently on its one connection, and a
    field that opens a savepoint (a nested `tenant_scope`) must not send its SAVEPOINT while a sibling's statement
    is on the wire (asyncpg: "another operation is in progress")."""

    def _in_transaction(self) -> TransactionContext:
        savepoint = TenantTransaction(self)
        savepoint._lock = self._lock
        return NestedTransactionContext(savepoint)

    async def begin(self) -> None:
        async with self._lock:
            await super().begin()

    async def commit(self) -> None:
        async with self._lock:
            await super().commit()

    async def rollback(self) -> None:
        async with self._lock:
            await super().rollback()

    async def _translate_exceptions(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        return await _translated(self, super()._translate_exceptions, func, *args, **kwargs)


class TenantClient(AsyncpgDBClient):
    """Tortoise's asyncpg client with the translation above, for the central database and every placed one."""

    def _in_transaction(self) -> TransactionContext:
        return TransactionContextPooled(TenantTransaction(self), self._pool_init_lock)

    async def _translate_exceptions(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        return await _translated(self, super()._translate_exceptions, func, *args, **kwargs)


client_class = TenantClient
"""What Tortoise reads from an engine module."""
