"""The bench database and what is read from it: creating and dropping it, the servers' environment, statements
per request from pg_stat_statements (when the server preloads it), and the printed table."""

from __future__ import annotations

import asyncio
import os
import secrets
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

APP_ROLE = "shulgraph_bench_app"


async def _admin(admin_url: str, sql: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def create_database(admin_url: str, name: str) -> None:
    await _admin(admin_url, f'CREATE DATABASE "{name}"')


async def drop_database(admin_url: str, name: str) -> None:
    await _admin(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(
    admin_url: str, redis_url: str, database: str, log_level: str, port: int | None = None
) -> dict[str, str]:
    admin = urlsplit(admin_url)
    return {
        **os.environ,
        **({"PORT": str(port), "WORKERS": "1"} if port is not None else {}),
        "ENVIRONMENT": "production",
        "DATABASE_URL": f"postgres://{APP_ROLE}:bench-app-secret@{admin.hostname}:{admin.port}/{database}",
        "MIGRATIONS_DATABASE_URL": urlunsplit(admin._replace(path=f"/{database}")),
        "REDIS_URL": redis_url,
        "JWT_SECRET": secrets.token_urlsafe(48),
        "ACCESS_TOKEN_TTL_SECONDS": "3600",
        "HOST": "127.0.0.1",
        "LOG_LEVEL": log_level,
        # One principal sends every request: its cost budget would throttle it (429) long before the server's
        # capacity is reached, and the benchmark measures the server.
        "COST_BUDGET_CAPACITY": str(10**12),
        "COST_BUDGET_RESTORE_RATE": str(10**12),
    }


class Db:
    """Statements the application role ran since the last `reset` (pg_stat_statements; disabled without it)."""

    def __init__(self, owner_url: str, role: str | None) -> None:
        self.owner_url = owner_url
        self.role = role or APP_ROLE
        self.enabled = False

    def __enter__(self) -> Db:
        self.enabled = asyncio.run(self._create())
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        return None

    async def _create(self) -> bool:
        conn = await asyncpg.connect(self.owner_url)
        try:
            await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
            await conn.fetchval("SELECT count(*) FROM pg_stat_statements")
            return True
        except asyncpg.PostgresError:
            return False
        finally:
            await conn.close()

    async def _query(self, sql: str, *args: Any) -> Any:
        conn = await asyncpg.connect(self.owner_url)
        try:
            return await conn.fetchval(sql, *args)
        finally:
            await conn.close()

    def reset(self) -> None:
        if self.enabled:
            asyncio.run(self._query("SELECT pg_stat_statements_reset()"))

    def statements(self) -> int:
        if not self.enabled:
            return 0
        sql = (
            "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid "
            "WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return int(asyncio.run(self._query(sql, self.role)))


def table(measured: list[dict[str, Any]]) -> str:
    rows = [
        "| operation | server | requests/s | p50 ms | p99 ms | statements/request | server CPU ms/request | errors "
        "| ShulGraph ÷ this |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measured:
        r = m["result"]
        statements = "n/a" if m.get("statements") is None else f"{m['statements']:.2f}"
        ratio = f"{m['ratio']:.2f}×" if "ratio" in m else ""
        cpu = "n/a" if m.get("cpu_ms") is None else f"{m['cpu_ms']:.2f}"
        rows.append(
            f"| {m['operation']} | {m['server']} | {r.per_second:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} "
            f"| {statements} | {cpu} | {r.errors} | {ratio} |"
        )
    return "\n".join(rows)
