"""The command line as an operator runs it: `main.py <command>` as a subprocess against a fresh database of the
test cluster, migrated by a real `main.py migrate` (which creates the application role), for the CLI tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from config import ROOT
from tests.support.servers import postgres_admin_url


@dataclass
class Database:
    name: str
    owner_url: str
    app_role: str
    app_url: str

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.app_url,
            "MIGRATIONS_DATABASE_URL": self.owner_url,
            "TENANT_DATABASES": "{}",  # the suite's placed databases belong to its own central database
        }


def run(database: Database, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env={**database.env(), **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"main.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


async def migrated_database() -> Database:
    """A new database owned by the cluster superuser, and an application role that `migrate` has to create."""
    suffix = uuid.uuid4().hex[:8]
    name = f"shulgraph_cli_{suffix}"
    role = f"shulgraph_cli_app_{suffix}"
    admin = urlsplit(postgres_admin_url())
    owner_url = urlunsplit(admin._replace(path=f"/{name}"))
    app_url = f"postgres://{role}:pw-{suffix}@{admin.hostname}:{admin.port}/{name}"
    conn = await asyncpg.connect(postgres_admin_url())
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
        assert await conn.fetchval("SELECT count(*) FROM pg_roles WHERE rolname = $1", role) == 0
    finally:
        await conn.close()
    database = Database(name, owner_url, role, app_url)
    first = run(database, "migrate")
    assert re.search(r"migrations applied: [1-9]", first.stdout), first.stdout
    return database


async def fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    """The rows of one query on a fresh connection to `url`."""
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()
