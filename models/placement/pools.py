"""The tenant connection manager: one connection pool per placed database in use in this process.

A database's pool is created on its first transaction and closed after `TENANT_POOL_IDLE_SECONDS` without one. The
pools open at once may hold at most `TENANT_POOLS_MAX_CONNECTIONS` connections together (each counts its
`pool_max`): a database whose pool does not fit closes the least recently used idle pool, or waits for one to
become idle (up to `TENANT_QUEUE_TIMEOUT_SECONDS`, then its tenant is UNAVAILABLE). Each database has a circuit
breaker: a connection that fails opens it, and that database's tenants are answered at once until a probe gets
through, while every other database goes on serving (a pooled connection found dead at BEGIN, which its pool
replaces, fails its one operation as on the central database, without opening the breaker). `health()` is what
/health/ready and /metrics report.

The central database is not managed here: it is Tortoise's `default` connection, as it always was."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from config import Settings, get_settings
from models.placement.breaker import DatabaseBreaker
from models.placement.client import TenantClient
from models.placement.connection import Transaction, postgres_credentials
from models.placement.failures import TenantUnavailable, connection_lost

log = logging.getLogger("shulgraph.placement")


@dataclass(frozen=True)
class DeclaredDatabase:
    """A database of `TENANT_DATABASES`, with both of its roles' URLs."""

    name: str
    url: str
    owner_url: str
    pool_min: int
    pool_max: int


def declared_databases(settings: Settings) -> dict[str, DeclaredDatabase]:
    return {
        name: DeclaredDatabase(
            name, spec.url, spec.owner_url or spec.url, spec.pool_min, spec.pool_max or settings.db_pool_max
        )
        for name, spec in sorted(settings.tenant_databases.items())
    }


class TenantDatabases:
    """The pools, breakers and accounting of every placed database, for one process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.declared = declared_databases(settings)
        self.total = settings.tenant_pools_max_connections
        self._clients: dict[str, TenantClient] = {}
        self._breakers = {name: DatabaseBreaker(name, settings.tenant_database_retry_seconds) for name in self.declared}
        self._open: set[str] = set()
        self._in_use: dict[str, int] = {}
        self._last_used: dict[str, float] = {}
        self._changed: asyncio.Condition | None = None
        self.pools_opened = 0
        """Pools opened in this process since start (each first use, and each use after an idle close)."""

    def declared_database(self, name: str) -> DeclaredDatabase:
        declared = self.declared.get(name)
        if declared is None:
            raise TenantUnavailable(name, f"tenant database {name!r} is not declared in TENANT_DATABASES")
        return declared

    def client(self, name: str) -> TenantClient:
        """The database's Tortoise client (its pool is created on first use)."""
        client = self._clients.get(name)
        if client is None:
            declared = self.declared_database(name)
            credentials = postgres_credentials(
                declared.url, declared.pool_min, declared.pool_max, self.settings.db_statement_timeout_ms
            )
            credentials["timeout"] = self.settings.tenant_database_connect_timeout_seconds
            credentials["max_inactive_connection_lifetime"] = self.settings.tenant_pool_idle_seconds
            client = self._clients[name] = TenantClient(connection_name=f"tenant:{name}", **credentials)
        return client

    def breaker(self, name: str) -> DatabaseBreaker:
        self.declared_database(name)
        return self._breakers[name]

    @asynccontextmanager
    async def transaction(self, name: str) -> AsyncIterator[BaseDBAsyncClient]:
        """A transaction on the database, through its breaker and under the process's bound of connections."""
        breaker = self.breaker(name)
        if not breaker.admit():
            raise TenantUnavailable(name, f"tenant database {name} is not answering; retry later")
        try:
            await self._reserve(name)
        except BaseException:
            breaker.release_probe()
            raise
        try:
            opened = Transaction(self.client(name))
            try:
                connection = await opened.__aenter__()
            except BaseException as error:  # only a failure to connect or begin is this database's to answer for
                if not connection_lost(error):
                    breaker.release_probe()
                    raise
                if opened.lost_after_acquire:  # a pooled connection its server had ended: given back, replaced
                    breaker.release_probe()
                else:
                    breaker.failed()
                raise TenantUnavailable(name, f"tenant database {name} is not answering; retry later") from error
            breaker.succeeded()
            try:
                yield connection
            except BaseException as error:
                if not await opened.__aexit__(type(error), error, error.__traceback__):
                    raise
            else:
                await opened.__aexit__(None, None, None)
        finally:
            await self._release(name)

    def _condition(self) -> asyncio.Condition:
        if self._changed is None:
            self._changed = asyncio.Condition()
        return self._changed

    def _open_connections(self) -> int:
        return sum(self.declared[name].pool_max for name in self._open)

    async def _reserve(self, name: str) -> None:
        """Count a transaction on `name`, opening room for its pool under the process's bound when it has none."""
        changed = self._condition()
        deadline = time.monotonic() + self.settings.tenant_queue_timeout_seconds
        async with changed:
            while name not in self._open:
                if self._open_connections() + self.declared[name].pool_max <= self.total:
                    self._open.add(name)
                    self.pools_opened += 1
                    break
                idle = [other for other in self._open if not self._in_use.get(other)]
                if idle:
                    await self._close(min(idle, key=lambda other: self._last_used.get(other, 0.0)))
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TenantUnavailable(name, "every tenant database connection of this process is busy")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), remaining)
            self._in_use[name] = self._in_use.get(name, 0) + 1

    async def _release(self, name: str) -> None:
        changed = self._condition()
        async with changed:
            self._in_use[name] = max(0, self._in_use.get(name, 0) - 1)
            self._last_used[name] = time.monotonic()
            changed.notify_all()

    async def _close(self, name: str) -> None:
        """Close an idle pool (the caller holds the condition)."""
        self._open.discard(name)
        client = self._clients.pop(name, None)
        if client is not None:
            try:
                await client.close()
            except Exception:
                log.warning("closing the pool of tenant database %s failed", name, exc_info=True)
        log.info("tenant database pool closed", extra={"database": name})

    async def close_idle(self, now: float | None = None) -> int:
        """Close the pools unused for longer than the idle time; how many were closed."""
        moment = time.monotonic() if now is None else now
        changed = self._condition()
        closed = 0
        async with changed:
            for name in sorted(self._open):
                idle_since = self._last_used.get(name, moment)
                if not self._in_use.get(name) and moment - idle_since >= self.settings.tenant_pool_idle_seconds:
                    await self._close(name)
                    closed += 1
            changed.notify_all()
        return closed

    async def close_all(self) -> None:
        for name, client in list(self._clients.items()):
            with contextlib.suppress(Exception):
                await client.close()
            self._clients.pop(name, None)
        self._open.clear()

    def health(self) -> dict[str, dict[str, Any]]:
        """Per declared database: its breaker, whether its pool is open here, and its connections."""
        report: dict[str, dict[str, Any]] = {}
        for name in self.declared:
            client = self._clients.get(name)
            pool = getattr(client, "_pool", None)
            breaker = self._breakers[name]
            report[name] = {
                "state": {"closed": "ok" if pool is not None else "idle"}.get(breaker.state, "unavailable"),
                "breaker": breaker.state,
                "failures": breaker.failures,
                "in_use": self._in_use.get(name, 0),
                "connections": pool.get_size() if pool is not None else 0,
                "idle_connections": pool.get_idle_size() if pool is not None else 0,
            }
        return report


_manager: TenantDatabases | None = None


def manager() -> TenantDatabases:
    """This process's tenant connection manager (built from the settings on first use)."""
    global _manager
    if _manager is None:
        _manager = TenantDatabases(get_settings())
    return _manager


async def reset_manager(settings: Settings | None = None) -> TenantDatabases:
    """Close every placed pool and start again from `settings` (at startup, and in tests)."""
    global _manager
    if _manager is not None:
        await _manager.close_all()
    _manager = TenantDatabases(settings or get_settings())
    return _manager
