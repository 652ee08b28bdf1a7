"""The suite's own database on the test cluster of scripts/test, and the environment the app reads it from.

One database per pytest process (`shulgraph_test_<pid>`), migrated once by the `database` fixture: the app
connects as the non-owner role that row-level security binds (`APP_URL`); assertions that must see past it use
the owner (`OWNER_URL`, the `owner_db` fixture). Data is never truncated: every factory makes unique rows.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from tests.support.servers import postgres_admin_url, redis_url

ADMIN_URL = postgres_admin_url()
DB_NAME = f"shulgraph_test_{os.getpid()}"
_PARTS = urlsplit(ADMIN_URL)
OWNER_URL = urlunsplit(_PARTS._replace(path=f"/{DB_NAME}"))
APP_URL = f"postgres://shulgraph_app:app-secret@{_PARTS.hostname}:{_PARTS.port}/{DB_NAME}"


def configure_environment() -> None:
    """The settings the app under test reads; set before anything reads them."""
    os.environ.update(
        {
            "ENVIRONMENT": "test",
            "DATABASE_URL": APP_URL,
            "MIGRATIONS_DATABASE_URL": OWNER_URL,
            "REDIS_URL": redis_url(),
            "JWT_SECRET": "test-secret-" + "x" * 40,
            "LOG_LEVEL": "WARNING",
            "DB_POOL_MAX": os.environ.get("DB_POOL_MAX", "10"),
            "TENANT_MAX_CONCURRENCY": os.environ.get("DB_POOL_MAX", "10"),  # the cap's own tests set theirs
            "CORS_ORIGINS": '["https://admin.example.org"]',
            "REGISTRATION_ADDRESS_LIMIT": "1000/hour",  # tests register from one address; the limit's tests fill it
            "WS_INIT_FAILURE_LIMIT": "1000/minute",  # tests refuse many sockets from one address; its test fills it
        }
    )


async def create_database() -> None:
    """The suite's database, empty (a leftover of an earlier run with the same pid is dropped)."""
    conn = await asyncpg.connect(ADMIN_URL)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        await conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    finally:
        await conn.close()
