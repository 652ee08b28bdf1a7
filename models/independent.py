"""Work committed on its own: security state (failed sign-ins and lockouts, refresh rotation, revocations) must
outlive the operation that recorded it. Inside an operation, Tortoise's `in_transaction()` is a savepoint of the
operation's transaction and rolls back with it (an attacker who makes the operation fail would undo their own
failed guesses), so `on_its_own` runs the work in a task with a clean context: no transaction and no tenant of
the caller, a connection of its own from the pool and a transaction that commits when the work ends.

PostgreSQL needs a second pooled connection for it while the operation holds its own (the pool's minimum is two).
SQLite, the embedded default, has one connection and one writer: there the work runs in place."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise import connections
from tortoise.transactions import in_transaction

T = TypeVar("T")


async def _committed(work: Callable[[], Awaitable[T]]) -> T:
    async with in_transaction():
        return await work()


async def on_its_own(work: Callable[[], Awaitable[T]]) -> T:
    """Run `work` in a transaction of its own and return its result once committed."""
    if connections.get("default").capabilities.dialect == "sqlite":
        return await work()
    task = asyncio.get_running_loop().create_task(_committed(work), context=contextvars.Context())
    return await task
