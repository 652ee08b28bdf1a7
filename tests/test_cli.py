"""The command line on PostgreSQL: migrate, seed-demo, create-admin — each run as a real process.

The module works on its own fresh database, owned by the cluster superuser, with its own application role
that `migrate` has to create.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from config import ROOT, get_settings
from schema.relay import to_global_id
from services.passwords import verify_password
from services.tokens import issue_access_token
from tests.conftest import unique
from tests.documents import client_document
from tests.services import postgres_admin_url


@dataclass
class Database:
    name: str
    owner_url: str
    app_role: str
    app_url: str

    def env(self) -> dict[str, str]:
        return {**os.environ, "DATABASE_URL": self.app_url, "MIGRATIONS_DATABASE_URL": self.owner_url}


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


@pytest.fixture(scope="module")
async def cli_db() -> AsyncIterator[Database]:
    suffix = uuid.uuid4().hex[:8]
    name = f"shulgraph_cli_{suffix}"
    role = f"shulgraph_cli_app_{suffix}"
    admin = urlsplit(postgres_admin_url())
    owner_url = urlunsplit(admin._replace(path=f"/{name}"))
    app_url = f"postgres://{role}:pw-{suffix}@{admin.hostname}:{admin.port}/{name}"
    conn = await asyncpg.connect(postgres_admin_url())
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    yield Database(name, owner_url, role, app_url)


@pytest.fixture(scope="module")
async def migrated(cli_db: Database) -> Database:
    conn = await asyncpg.connect(postgres_admin_url())
    try:
        assert await conn.fetchval("SELECT count(*) FROM pg_roles WHERE rolname = $1", cli_db.app_role) == 0
    finally:
        await conn.close()
    first = run(cli_db, "migrate")
    assert re.search(r"migrations applied: [1-9]", first.stdout), first.stdout
    return cli_db


async def _fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


async def _schema_snapshot(url: str) -> list[tuple[object, ...]]:
    rows = await _fetch(
        url,
        """
        SELECT 'column', table_name, column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public'
        UNION ALL SELECT 'index', tablename, indexname, indexdef, '' FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'policy', tablename, policyname, coalesce(qual, ''), coalesce(with_check, '')
          FROM pg_policies WHERE schemaname = 'public'
        UNION ALL SELECT 'migration', app, version, '', '' FROM aerich
        ORDER BY 1, 2, 3
        """,
    )
    return [tuple(row) for row in rows]


async def test_migrate_creates_the_app_role_without_privileges(migrated: Database) -> None:
    [role] = await _fetch(
        migrated.owner_url,
        "SELECT oid, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolcanlogin, rolreplication"
        " FROM pg_roles WHERE rolname = $1",
        migrated.app_role,
    )
    assert role["rolcanlogin"]
    assert not role["rolsuper"]
    assert not role["rolbypassrls"]
    assert not role["rolcreatedb"]
    assert not role["rolcreaterole"]
    assert not role["rolreplication"]
    owned = await _fetch(
        migrated.owner_url,
        "SELECT relname FROM pg_class WHERE relowner = $1"
        " UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = $1"
        " UNION ALL SELECT datname FROM pg_database WHERE datdba = $1",
        role["oid"],
    )
    assert owned == []
    inherited = await _fetch(migrated.owner_url, "SELECT roleid FROM pg_auth_members WHERE member = $1", role["oid"])
    assert inherited == []


async def test_app_role_gets_data_access_and_nothing_more(migrated: Database) -> None:
    tables = await _fetch(
        migrated.owner_url,
        "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relkind = 'r'",
    )
    assert tables, "no tenant table has row-level security"
    conn = await asyncpg.connect(migrated.app_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM app_user") is not None
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.fetch("SELECT * FROM aerich")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("CREATE TABLE not_allowed (id int)")
    finally:
        await conn.close()


async def test_migrate_twice_is_a_no_op(migrated: Database) -> None:
    before = await _schema_snapshot(migrated.owner_url)
    again = run(migrated, "migrate")
    assert "migrations applied: 0" in again.stdout, again.stdout
    assert await _schema_snapshot(migrated.owner_url) == before


async def test_seed_demo_is_idempotent(migrated: Database) -> None:
    first = run(migrated, "seed-demo")
    login = re.search(r"demo synagogue ready: log in as (\S+) / (\S+)", first.stdout)
    assert login, first.stdout
    email, password = login.groups()
    second = run(migrated, "seed-demo")
    assert "demo synagogue already exists" in second.stdout, second.stdout
    synagogues = await _fetch(migrated.owner_url, "SELECT id FROM synagogue WHERE slug = 'demo'")
    assert len(synagogues) == 1
    [user] = await _fetch(migrated.owner_url, "SELECT id, password_hash FROM app_user WHERE email = $1", email)
    assert (await verify_password(user["password_hash"], password))[0]
    memberships = await _fetch(
        migrated.owner_url,
        "SELECT role FROM membership WHERE user_id = $1 AND synagogue_id = $2",
        user["id"],
        synagogues[0]["id"],
    )
    assert len(memberships) == 1


async def test_create_admin_creates_a_platform_admin(migrated: Database) -> None:
    email = f"{unique('Admin')}@Example.org"
    result = run(migrated, "create-admin", "--email", email, "--password", "a long admin password")
    assert f"created platform admin {email}" in result.stdout, result.stdout
    [user] = await _fetch(
        migrated.owner_url, "SELECT is_platform_admin, password_hash FROM app_user WHERE email = $1", email.lower()
    )
    assert user["is_platform_admin"]
    assert (await verify_password(user["password_hash"], "a long admin password"))[0]


@pytest.mark.parametrize(
    ("email", "password", "problem"),
    [
        ("weak-admin@example.org", "short", "password: use at least"),
        ("not an e-mail", "a long admin password", "email: enter a valid e-mail address"),
    ],
)
async def test_create_admin_refuses_a_weak_password_or_a_malformed_email_and_writes_nothing(
    migrated: Database, email: str, password: str, problem: str
) -> None:
    email = email.replace("@", f"-{unique('x')}@") if "@" in email else email
    result = subprocess.run(
        [sys.executable, "main.py", "create-admin", "--email", email, "--password", password],
        cwd=ROOT,
        env=migrated.env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 2, result
    assert problem in result.stderr and "nothing was written" in result.stderr
    assert await _fetch(migrated.owner_url, "SELECT id FROM app_user WHERE email = $1", email.lower()) == []


async def test_create_admin_takes_the_password_from_the_environment(migrated: Database) -> None:
    email = f"{unique('envadmin')}@example.org"
    run(migrated, "create-admin", "--email", email, ADMIN_PASSWORD="password from the environment")
    [user] = await _fetch(migrated.owner_url, "SELECT password_hash FROM app_user WHERE email = $1", email)
    assert (await verify_password(user["password_hash"], "password from the environment"))[0]


async def test_create_admin_promotes_an_existing_user(migrated: Database) -> None:
    email = f"{unique('member')}@example.org"
    run(migrated, "create-admin", "--email", email, "--password", "the member's own password")
    conn = await asyncpg.connect(migrated.owner_url)
    try:
        await conn.execute("UPDATE app_user SET is_platform_admin = false WHERE email = $1", email)
        count_before = await conn.fetchval("SELECT count(*) FROM app_user")
    finally:
        await conn.close()
    result = run(migrated, "create-admin", "--email", email, "--password", "ignored for an existing user")
    assert f"promoted platform admin {email}" in result.stdout, result.stdout
    [user] = await _fetch(
        migrated.owner_url, "SELECT is_platform_admin, password_hash FROM app_user WHERE email = $1", email
    )
    assert user["is_platform_admin"]
    assert (await verify_password(user["password_hash"], "the member's own password"))[0]
    assert await _fetch(migrated.owner_url, "SELECT count(*) FROM app_user") == [(count_before,)]


async def test_serve_runs_as_the_app_role_alone(migrated: Database, tmp_path: Path) -> None:
    """Production's API process: PostgreSQL and Redis, the app role's URL and no owner credentials."""
    from tests.services import redis_url
    from tests.test_embedded import Process, free_port, wait_ready

    port = free_port()
    env = {**migrated.env(), "ENVIRONMENT": "production", "REDIS_URL": redis_url(), "HOST": "127.0.0.1"}
    env["PORT"] = str(port)
    env.pop("MIGRATIONS_DATABASE_URL")
    stdout, stderr = tmp_path / "serve.out", tmp_path / "serve.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            [sys.executable, "main.py", "serve"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
    process = Process(popen, stdout, stderr)
    try:
        ready = await asyncio.to_thread(wait_ready, process, f"http://127.0.0.1:{port}")
        assert ready.json()["checks"] == {"process": "ok", "database": "ok", "redis": "ok"}
        email = f"{unique('prod')}@example.org"
        run(migrated, "create-admin", "--email", email, "--password", "a long admin password")
        [user] = await _fetch(migrated.owner_url, "SELECT id FROM app_user WHERE email = $1", email)
        token = issue_access_token(get_settings(), user["id"])[0]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            response = await client.post(
                "/graphql",
                json={"query": client_document("Me"), "operationName": "Me"},
                headers={"Authorization": f"Bearer {token}"},
            )
        body = response.json()
        assert "errors" not in body, body
        assert body["data"]["me"]["id"] == to_global_id("User", user["id"])
        assert body["data"]["me"]["email"] == email
        assert body["data"]["me"]["isPlatformAdmin"] is True
        assert process.stop() == 0, process.describe()  # drained, not killed by its own signal
    finally:
        if popen.poll() is None:
            popen.kill()
            popen.wait()


async def test_R1_serve_with_workers_drains_every_worker_process(migrated: Database, tmp_path: Path) -> None:
    """`WORKERS=2`: uvicorn's supervisor passes SIGTERM on; each worker process fails readiness, then stops."""
    from tests.services import redis_url
    from tests.subscriptions.live import WSClient
    from tests.test_embedded import Process, free_port, wait_ready

    port = free_port()
    env = {**migrated.env(), "ENVIRONMENT": "production", "REDIS_URL": redis_url(), "HOST": "127.0.0.1"}
    env.update({"PORT": str(port), "WORKERS": "2", "SHUTDOWN_DRAIN_SECONDS": "3", "WS_INIT_TIMEOUT_SECONDS": "120"})
    env.update({"LOG_LEVEL": "INFO", "LOG_JSON": "false"})
    env.pop("MIGRATIONS_DATABASE_URL")
    stdout, stderr = tmp_path / "serve.out", tmp_path / "serve.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            [sys.executable, "main.py", "serve"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
    process = Process(popen, stdout, stderr)
    base = f"http://127.0.0.1:{port}"
    try:
        await asyncio.to_thread(wait_ready, process, base)
        await asyncio.to_thread(
            process.wait_for, r"(?s)Application startup complete.*Application startup complete", "err"
        )
        socket = await WSClient.open(f"ws://127.0.0.1:{port}/graphql")  # open, not yet initialised
        popen.send_signal(signal.SIGTERM)
        draining: dict[str, Any] | None = None
        async with httpx.AsyncClient(
            base_url=base, timeout=10, limits=httpx.Limits(max_keepalive_connections=0)
        ) as client:
            while draining is None:
                try:
                    response = await client.get("/health/ready")
                except httpx.TransportError:
                    break
                if response.status_code == 503:
                    draining = response.json()
                await asyncio.sleep(0.05)
        assert draining is not None and draining["reason"] == "draining", process.describe()
        assert await socket.close_code(timeout=60) == 1012
        assert await asyncio.to_thread(popen.wait, 60) == 0, process.describe()
        assert process.err().count("draining: readiness fails") == 2, process.describe()
        assert process.err().count("stopped accepting connections") == 2, process.describe()
        assert "Traceback" not in process.err(), process.describe()
    finally:
        if popen.poll() is None:
            popen.kill()
            popen.wait()
