"""The embedded default: `main.py serve` and `main.py worker` with no PostgreSQL or Redis configured.

Each runs as a real process with a clean environment (no DATABASE_URL, no REDIS_URL), its files in a
temporary DATA_DIR, and is stopped with SIGTERM as a process manager would.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from config import ROOT
from tests.documents import client_document

LOGIN_LINE = re.compile(r"demo synagogue ready: log in as (\S+) / (\S+)")
STARTUP_SECONDS = 90
STOP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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


@dataclass
class Process:
    popen: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def out(self) -> str:
        return self.stdout.read_text(errors="replace")

    def err(self) -> str:
        return self.stderr.read_text(errors="replace")

    def describe(self) -> str:
        return f"exit {self.popen.poll()}\n--- stdout\n{self.out()[-3000:]}\n--- stderr\n{self.err()[-6000:]}"

    def wait_for(self, pattern: str, source: str = "out", seconds: float = STARTUP_SECONDS) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while True:
            found = re.search(pattern, self.out() if source == "out" else self.err())
            if found:
                return found
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared; {self.describe()}")
            time.sleep(0.1)

    def stop(self) -> int:
        """SIGTERM, then the exit status (the process gets STOP_SECONDS to shut down)."""
        self.popen.send_signal(signal.SIGTERM)
        try:
            return self.popen.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()
            raise AssertionError(f"did not stop within {STOP_SECONDS}s of SIGTERM; {self.describe()}") from None


def start(command: str, data_dir: Path, port: int, logs: Path) -> Process:
    stdout, stderr = logs / f"{command}.out", logs / f"{command}.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            [sys.executable, "main.py", command],
            cwd=ROOT,
            env=clean_environment(data_dir, port),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    return Process(popen, stdout, stderr)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[Process, Path, int]]:
    data_dir, port = tmp_path / "data", free_port()
    process = start("serve", data_dir, port, tmp_path)
    try:
        yield process, data_dir, port
    finally:
        if process.popen.poll() is None:
            process.popen.kill()
            process.popen.wait()


def wait_ready(process: Process, base: str) -> httpx.Response:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.popen.poll() is not None:
            raise AssertionError(f"serve exited before it was ready; {process.describe()}")
        try:
            response = httpx.get(f"{base}/health/ready", timeout=5)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"not ready after {STARTUP_SECONDS}s; {process.describe()}")
        time.sleep(0.2)


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


def test_serve_runs_embedded_with_no_settings(running: tuple[Process, Path, int]) -> None:
    process, data_dir, port = running
    base = f"http://127.0.0.1:{port}"
    email, password = process.wait_for(LOGIN_LINE.pattern).groups()
    ready = wait_ready(process, base)
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


def test_serve_again_keeps_the_demo(tmp_path: Path) -> None:
    """A second start on the same DATA_DIR migrates nothing new and seeds nothing twice."""
    data_dir = tmp_path / "data"
    for run in range(2):
        port = free_port()
        process = start("serve", data_dir, port, tmp_path)
        try:
            wait_ready(process, f"http://127.0.0.1:{port}")
            if run == 0:
                process.wait_for(LOGIN_LINE.pattern)
            else:
                assert "demo synagogue already exists" in process.out(), process.describe()
                assert "migrations applied: 0" in process.out(), process.describe()
            assert process.stop() in (0, -signal.SIGTERM), process.describe()
        finally:
            if process.popen.poll() is None:
                process.popen.kill()
                process.popen.wait()
    with sqlite3.connect(data_dir / "shulgraph.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM synagogue WHERE slug = 'demo'").fetchone() == (1,)


def test_worker_starts_and_stops_on_sigterm(tmp_path: Path) -> None:
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
        process.wait_for(r'"worker started"', source="err")
        assert process.stop() == 0, process.describe()
        assert "worker stopped" in process.out(), process.describe()
        assert "Traceback" not in process.err(), process.describe()
    finally:
        if process.popen.poll() is None:
            process.popen.kill()
            process.popen.wait()
