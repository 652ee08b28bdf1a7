"""The embedded default: `main.py serve` and `main.py worker` with no PostgreSQL or Redis configured.

Each runs as a real process with a clean environment (no DATABASE_URL, no REDIS_URL), its files in a
temporary DATA_DIR, and is stopped with SIGTERM as a process manager would.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from config import ROOT
from tests.support.documents import client_document
from tests.support.live import free_port
from tests.support.processes import MainProcess, launch

LOGIN_LINE = re.compile(r"demo synagogue ready: log in as (\S+) / (\S+)")
STARTUP_SECONDS = 90


def clean_environment(data_dir: Path, port: int) -> dict[str, str]:
    """Only what a newcomer's shell has, plus where to keep the files and which port to use."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(data_dir.parent),
        "LANG": "C.UTF-8",
        "DATA_DIR": str(data_dir),
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }


def start(command: str, data_dir: Path, port: int, logs: Path) -> MainProcess:
    return launch(command, logs, clean_environment(data_dir, port), port)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[MainProcess, Path]]:
    data_dir = tmp_path / "data"
    process = start("serve", data_dir, free_port(), tmp_path)
    try:
        yield process, data_dir
    finally:
        process.kill()


def post(
    base: str,
    query: str,
    token: str | None = None,
    operation: str | None = None,
    tenant: str | None = None,
    **variables: Any,
) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if tenant:
        headers["X-Tenant-ID"] = tenant
    body: dict[str, Any] = {"query": query, "variables": variables}
    if operation:
        body["operationName"] = operation
    response = httpx.post(f"{base}/graphql", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


async def test_serve_runs_embedded_with_no_settings(running: tuple[MainProcess, Path]) -> None:
    process, data_dir = running
    base = process.base
    email, password = (await process.wait_for(LOGIN_LINE.pattern, seconds=STARTUP_SECONDS)).groups()
    ready = await process.until_ready(STARTUP_SECONDS)
    assert ready.json()["checks"] == {"process": "ok", "database": "ok", "redis": "ok"}
    assert post(base, "{ __typename }") == {"data": {"__typename": "Query"}}
    assert (data_dir / "shulgraph.sqlite3").exists()

    result = post(base, client_document("Login"), operation="Login", input={"email": email, "password": password})
    assert "errors" not in result, result
    assert result["data"]["login"]["userErrors"] == [], result
    token = result["data"]["login"]["accessToken"]
    assert (data_dir / "jwt-secret").stat().st_mode & 0o777 == 0o600
    me = post(base, client_document("Me"), token=token, operation="Me")
    assert "errors" not in me, me
    assert me["data"]["me"]["email"] == email
    assert [m["synagogue"]["slug"] for m in me["data"]["me"]["memberships"]] == ["demo"]
    assert [m["role"] for m in me["data"]["me"]["memberships"]] == ["OWNER"]
    demo = me["data"]["me"]["memberships"][0]["synagogue"]["id"]
    members = post(base, client_document("Members"), token=token, operation="Members", tenant=demo)
    assert "errors" not in members, members  # the role in the named synagogue, read with the user
    assert [e["node"]["role"] for e in members["data"]["members"]["edges"]] == ["OWNER"]

    status = process.stop()
    # uvicorn re-raises the SIGTERM it handled once shutdown is complete.
    assert status in (0, -signal.SIGTERM), process.describe()
    assert "Application shutdown complete" in process.err(), process.describe()
    assert "Traceback" not in process.err(), process.describe()


async def test_serve_again_keeps_the_demo(tmp_path: Path) -> None:
    """A second start on the same DATA_DIR migrates nothing new and seeds nothing twice."""
    data_dir = tmp_path / "data"
    for run in range(2):
        port = free_port()
        process = start("serve", data_dir, port, tmp_path)
        try:
            await process.until_ready(STARTUP_SECONDS)
            if run == 0:
                await process.wait_for(LOGIN_LINE.pattern, seconds=STARTUP_SECONDS)
            else:
                assert "demo synagogue already exists" in process.out(), process.describe()
                assert "migrations applied: 0" in process.out(), process.describe()
            assert process.stop() in (0, -signal.SIGTERM), process.describe()
        finally:
            process.kill()
    with sqlite3.connect(data_dir / "shulgraph.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM synagogue WHERE slug = 'demo'").fetchone() == (1,)


async def test_worker_starts_and_stops_on_sigterm(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    migrate = subprocess.run(
        [sys.executable, "main.py", "migrate"],
        cwd=ROOT,
        env=clean_environment(data_dir, free_port()),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert migrate.returncode == 0, migrate.stderr
    process = start("worker", data_dir, free_port(), tmp_path)
    try:
        await process.wait_for(r'"worker started"', source="err", seconds=STARTUP_SECONDS)
        assert process.stop() == 0, process.describe()
        assert "worker stopped" in process.out(), process.describe()
        assert "Traceback" not in process.err(), process.describe()
    finally:
        process.kill()
