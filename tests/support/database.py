"""The suite's own database on the test cluster of scripts/test, and the environment the app reads it from.

One database per pytest process (`shulgraph_test_<pid>`), migrated once by the `database` fixture: the app
connects as the non-owner role that row-level security binds (`APP_URL`); assertions that must see past it use
the owner (`OWNER_URL`, the `owner_db` fixture). Data is never truncated: every factory makes unique rows.

Beside it, two databases a synagogue can be placed in (`PLACED`: `tenants_a` and `tenants_b`, declared in
`TENANT_DATABASES` and migrated with it), on the same test cluster.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from tests.support.servers import postgres_admin_url, redis_url

ADMIN_URL = postgres_admin_url()
DB_NAME = f"shulgraph_test_{os.getpid()}"
_PARTS = urlsplit(ADMIN_URL)
OWNER_URL = urlunsplit(_PARTS._replace(path=f"/{DB_NAME}"))
APP_URL = f"postgres://shulgraph_app:app-secret@{_PARTS.hostname}:{_PARTS.port}/{DB_NAME}"
PLACED = {"tenants_a": f"{DB_NAME}_a", "tenants_b": f"{DB_NAME}_b"}
"""The declared tenant databases of the suite: name -> database on the test cluster."""


def placed_owner_url(name: str) -> str:
    return urlunsplit(_PARTS._replace(path=f"/{PLACED[name]}"))


def placed_app_url(name: str) -> str:
    return f"postgres://shulgraph_app:app-secret@{_PARTS.hostname}:{_PARTS.port}/{PLACED[name]}"


def tenant_databases_setting() -> str:
    return json.dumps({name: {"url": placed_app_url(name), "owner_url": placed_owner_url(name)} for name in PLACED})


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
            "TENANT_DATABASES": tenant_databases_setting(),
        }
    )


async def create_database() -> None:
    """The suite's databases, empty (leftovers of an earlier run with the same pid are dropped)."""
    conn = await asyncpg.connect(ADMIN_URL)
    try:
        for name in (DB_NAME, *PLACED.values()):
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
