"""`main.py create-admin` writes the platform audit log, as the application role and with no actor; a refused
create-admin writes nothing. Each run is a real process against the session's database."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import asyncpg

from config import ROOT
from models.identity import Role, User
from services.infra.ids import to_global_id
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL

PLATFORM_LOG = """
query { platformAuditLog(first: 5) { edges { node { actor { id } action targetId detail requestId } } } }"""


def create_admin(email: str, password: str) -> subprocess.CompletedProcess[str]:
    """The command as an operator runs it: `DATABASE_URL` is the application role (set by conftest)."""
    return subprocess.run(
        [sys.executable, "main.py", "create-admin", "--email", email, "--password", password],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


async def _entries(owner_db: asyncpg.Connection, target_id: str) -> list[dict[str, Any]]:
    rows = await owner_db.fetch(
        "SELECT actor_id, action, detail::text AS detail, request_id FROM platform_audit_entry"
        " WHERE target_id = $1 ORDER BY id",
        target_id,
    )
    return [dict(row) for row in rows]


async def test_create_admin_writes_a_platform_entry_without_an_actor(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    email = f"{unique('cli-admin')}@example.org"
    result = create_admin(email, "a long admin password")
    assert result.returncode == 0, result.stderr
    assert f"created platform admin {email}" in result.stdout
    user = await User.get(email=email)
    gid = to_global_id("User", user.id)
    assert await _entries(owner_db, gid) == [
        {"actor_id": None, "action": "platform_admin.create", "detail": f'{{"email": "{email}"}}', "request_id": ""}
    ]

    reader = await factory.platform_admin()
    log = await gql(PLATFORM_LOG, actor=reader)
    assert "errors" not in log, log
    nodes = [edge["node"] for edge in log["data"]["platformAuditLog"]["edges"]]
    expected = {"actor": None, "action": "platform_admin.create", "targetId": gid, "detail": {"email": email}}
    assert {**expected, "requestId": None} in nodes


async def test_promoting_an_existing_user_writes_a_platform_entry(
    factory: Factory, owner_db: asyncpg.Connection
) -> None:
    member = await factory.member(role=Role.VIEWER)
    result = create_admin(member.user.email, "ignored for an existing user")
    assert result.returncode == 0, result.stderr
    assert f"promoted platform admin {member.user.email}" in result.stdout
    [entry] = await _entries(owner_db, to_global_id("User", member.user.id))
    assert (entry["actor_id"], entry["action"]) == (None, "platform_admin.promote")
    assert '"already_admin": false' in entry["detail"]
    assert await owner_db.fetchval("SELECT is_platform_admin FROM app_user WHERE id = $1", member.user.id)


async def test_a_refused_create_admin_writes_no_entry(owner_db: asyncpg.Connection) -> None:
    email = f"{unique('weak-admin')}@example.org"
    before = await owner_db.fetchval("SELECT max(id) FROM platform_audit_entry")
    result = create_admin(email, "short")
    assert result.returncode == 2 and "nothing was written" in result.stderr, result
    assert await owner_db.fetchval("SELECT count(*) FROM platform_audit_entry WHERE id > $1", before or 0) == 0
    assert await owner_db.fetchval("SELECT count(*) FROM app_user WHERE email = $1", email) == 0
