"""A small key-value store: Redis in production, process memory in the embedded default.

Security checks (token denylist, lockout) call it and must fail closed: every Redis failure is
raised as `Unavailable`, which the API answers with 503 / `UNAVAILABLE`. A Redis that does not answer (a
host gone from the network, a hung server) costs one socket timeout: the store's circuit breaker then
refuses at once for `COOL_DOWN_SECONDS`, and lets one command at a time probe Redis after that.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

import redis.asyncio as aioredis
from redis.commands.core import AsyncScript
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.infra.breaker import CircuitBreaker, CircuitOpen
from services.infra.errors import Unavailable

T = TypeVar("T")

BROKEN: tuple[type[Exception], ...] = (RedisConnectionError, ConnectionError)
"""A connection found dead (Redis restarted): a command written on it never reached the new server."""
NOT_ANSWERING: tuple[type[Exception], ...] = (RedisTimeoutError, TimeoutError)
"""Failures that cost waiting for the socket timeout: these open a breaker."""
COOL_DOWN_SECONDS = 1.0


class KeyValue(Protocol):
    async def get(self, key: str) -> str | None: ...
    async def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None: ...
    async def set_if_absent(self, key: str, value: str, ttl_seconds: int) -> bool: ...
    async def exists(self, key: str) -> bool: ...
    async def incr(self, key: str, ttl_seconds: int) -> int: ...
    async def delete(self, key: str) -> None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class MemoryKeyValue:
    """In-process store for a single embedded process."""

    def __init__(self) -> None:
        self._data: dict[str, tuple[str, float | None]] = {}
        self._lock = asyncio.Lock()

    def _live(self, key: str) -> str | None:
        item = self._data.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= time.monotonic():
            del self._data[key]
            return None
        return value

    async def get(self, key: str) -> str | None:
        return self._live(key)

    async def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None:
        self._data[key] = (value, time.monotonic() + ttl_seconds if ttl_seconds else None)

    async def set_if_absent(self, key: str, value: str, ttl_seconds: int) -> bool:
        async with self._lock:
            if self._live(key) is not None:
                return False
            await self.set(key, value, ttl_seconds)
            return True

    async def exists(self, key: str) -> bool:
        return self._live(key) is not None

    async def incr(self, key: str, ttl_seconds: int) -> int:
        async with self._lock:
            current = self._live(key)
            value = int(current or 0) + 1
            expires = self._data[key][1] if current is not None else time.monotonic() + ttl_seconds
            self._data[key] = (str(value), expires)
            return value

    async def delete(self, key: str) -> None:
        self._data.pop(key, None)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self._data.clear()


class RedisKeyValue:
    """Redis-backed store; failures raise `Unavailable` so callers fail closed.

    After Redis restarts, every pooled connection is dead. A command that meets a connection error
    drops the pool's idle connections and runs once more on a fresh one, so the first requests after
    a restart are answered instead of refused: idempotent ones (`get`, `exists`, `set`, `delete`)
    after any connection error or timeout, the others (`set_if_absent`, `incr`, `eval`) only after a
    broken connection, never after a timeout (the first may have run).
    """

    def __init__(self, url: str) -> None:
        self.client = aioredis.Redis.from_url(
            url, decode_responses=True, socket_timeout=2, socket_connect_timeout=2, health_check_interval=10
        )
        self.breaker = CircuitBreaker("the token store", COOL_DOWN_SECONDS, trips_on=NOT_ANSWERING)
        self._scripts: dict[str, AsyncScript] = {}

    async def _idempotent(self, command: Callable[[], Awaitable[T]]) -> T:
        return await self._again_after(command, (RedisConnectionError, RedisTimeoutError, OSError))

    async def _again_after(self, command: Callable[[], Awaitable[T]], errors: tuple[type[Exception], ...]) -> T:
        try:
            return await self.breaker.call(lambda: self._twice(command, errors))
        except (RedisError, OSError, CircuitOpen) as exc:
            raise Unavailable("the token store is unavailable") from exc

    async def _twice(self, command: Callable[[], Awaitable[T]], errors: tuple[type[Exception], ...]) -> T:
        """`command()`, once more on a fresh connection after one of `errors`."""
        try:
            return await command()
        except errors:
            with contextlib.suppress(Exception):
                await self.client.connection_pool.disconnect(inuse_connections=False)
        return await command()

    async def eval(self, script: str, keys: list[str], *args: str | int | float) -> Any:
        """Run a Lua script; like the other writes that must not repeat, it is sent once more only when
        its connection was found broken (after a restart, a command written on a dead pooled connection
        never reached the new server), never after a timeout. Sent by its SHA (`EVALSHA`), loaded again when
        the server does not know it (after a restart)."""
        registered = self._scripts.get(script)
        if registered is None:
            registered = self._scripts[script] = self.client.register_script(script)
        return await self._again_after(lambda: registered(keys=keys, args=args), BROKEN)

    async def get(self, key: str) -> str | None:
        value = await self._idempotent(lambda: self.client.get(key))
        return None if value is None else str(value)

    async def set(self, key: str, value: str, ttl_seconds: int | None = None) -> None:
        await self._idempotent(lambda: self.client.set(key, value, ex=ttl_seconds))

    async def set_if_absent(self, key: str, value: str, ttl_seconds: int) -> bool:
        return bool(await self._again_after(lambda: self.client.set(key, value, ex=ttl_seconds, nx=True), BROKEN))

    async def exists(self, key: str) -> bool:
        return bool(await self._idempotent(lambda: self.client.exists(key)))

    async def incr(self, key: str, ttl_seconds: int) -> int:
        async def run() -> int:
            async with self.client.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, ttl_seconds, nx=True)
                value, _ = await pipe.execute()
            return int(value)

        return await self._again_after(run, BROKEN)

    async def delete(self, key: str) -> None:
        await self._idempotent(lambda: self.client.delete(key))

    async def ping(self) -> bool:
        try:
            return bool(await self.client.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self.client.aclose()


def make_key_value(redis_url: str | None) -> KeyValue:
    return RedisKeyValue(redis_url) if redis_url else MemoryKeyValue()
