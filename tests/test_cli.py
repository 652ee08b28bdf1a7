"""The command line on PostgreSQL: migrate, seed-demo, create-admin — each run as a real process.

The module works on its own fresh database, owned by the cluster superuser, with its own application role
that `migrate` has to create. `serve` on such a database is tested in test_cli_serve.py.
"""

from __future__ import annotations

import re
import subprocess
import sys

import asyncpg
import pytest

from config import ROOT
from services.identity.passwords import verify_password
from tests.support.actors import unique
from tests.support.cli import Database, fetch, migrated_database, run


@pytest.fixture(scope="module")
async def migrated() -> Database:
    return await migrated_database()


async def _schema_snapshot(url: str) -> list[tuple[object, ...]]:
    rows = await fetch(
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
    [role] = await fetch(
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
    owned = await fetch(
        migrated.owner_url,
        "SELECT relname FROM pg_class WHERE relowner = $1"
        " UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = $1"
        " UNION ALL SELECT datname FROM pg_database WHERE datdba = $1",
        role["oid"],
    )
    assert owned == []
    inherited = await fetch(migrated.owner_url, "SELECT roleid FROM pg_auth_members WHERE member = $1", role["oid"])
    assert inherited == []


async def test_app_role_gets_data_access_and_nothing_more(migrated: Database) -> None:
    tables = await fetch(
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
    synagogues = await fetch(migrated.owner_url, "SELECT id FROM synagogue WHERE slug = 'demo'")
    assert len(synagogues) == 1
    [user] = await fetch(migrated.owner_url, "SELECT id, password_hash FROM app_user WHERE email = $1", email)
    assert (await verify_password(user["password_hash"], password))[0]
    memberships = await fetch(
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
    [user] = await fetch(
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
    assert await fetch(migrated.owner_url, "SELECT id FROM app_user WHERE email = $1", email.lower()) == []


async def test_create_admin_takes_the_password_from_the_environment(migrated: Database) -> None:
    email = f"{unique('envadmin')}@example.org"
    run(migrated, "create-admin", "--email", email, ADMIN_PASSWORD="password from the environment")
    [user] = await fetch(migrated.owner_url, "SELECT password_hash FROM app_user WHERE email = $1", email)
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
    [user] = await fetch(
        migrated.owner_url, "SELECT is_platform_admin, password_hash FROM app_user WHERE email = $1", email
    )
    assert user["is_platform_admin"]
    assert (await verify_password(user["password_hash"], "the member's own password"))[0]
    assert await fetch(migrated.owner_url, "SELECT count(*) FROM app_user") == [(count_before,)]
