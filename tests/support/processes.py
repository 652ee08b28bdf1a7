"""`main.py serve` and `main.py worker` as real processes, started and stopped as a process manager would (the
embedded default, production on a fresh database, SIGTERM under load), with their output kept in files; and the
row locks a test holds in PostgreSQL to keep such a process's requests or jobs in flight."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx

from config import ROOT
from tests.support.live import free_port, until_answering
from tests.support.waiting import wait_until

DEADLINE = 120.0
"""How long a process gets to start or to finish what it holds: a guard against hanging, not a timed assertion."""
STOP_SECONDS = 30


@dataclass
class MainProcess:
    """A running `main.py <command>`, its stdout and stderr in files."""

    popen: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def out(self) -> str:
        return self.stdout.read_text(errors="replace")

    def err(self) -> str:
        return self.stderr.read_text(errors="replace")

    def log(self) -> str:
        return self.err()[-6000:]

    def describe(self) -> str:
        return f"exit {self.popen.poll()}\n--- stdout\n{self.out()[-3000:]}\n--- stderr\n{self.log()}"

    def exited(self) -> str | None:
        """None while it runs; what it left behind once it has exited."""
        return None if self.popen.poll() is None else f"exited before it was ready; {self.describe()}"

    async def wait_for(self, pattern: str, source: str = "out", seconds: float = DEADLINE) -> re.Match[str]:
        """The first match of `pattern` in its stdout (or stderr: `source="err"`), once it appears."""
        found: list[re.Match[str]] = []

        def appeared() -> bool:
            match = re.search(pattern, self.out() if source == "out" else self.err())
            if match is not None:
                found.append(match)
                return True
            if self.popen.poll() is not None:
                raise AssertionError(f"{pattern!r} never appeared; {self.describe()}")
            return False

        await wait_until(appeared, lambda: f"{pattern!r} in its std{source}; {self.describe()}", timeout=seconds)
        return found[0]

    async def until_ready(self, seconds: float = DEADLINE) -> httpx.Response:
        """Its `/health/ready` answer once it is 200."""
        return await until_answering(self.base, "/health/ready", gone=self.exited, timeout=seconds)

    def stop(self) -> int:
        """SIGTERM, then the exit status (the process gets STOP_SECONDS to shut down)."""
        self.popen.send_signal(signal.SIGTERM)
        try:
            return self.popen.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"did not stop within {STOP_SECONDS}s of SIGTERM; {self.describe()}") from None

    async def exit_status(self) -> int:
        """Its exit status, once it exits by itself (after a signal the test sent)."""
        try:
            return await asyncio.to_thread(self.popen.wait, DEADLINE)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running {DEADLINE}s after SIGTERM; {self.log()}") from None

    def kill(self) -> None:
        """SIGKILL to its whole process group, uvicorn's worker processes included, even when the supervisor has
        ended (a test's clean-up: whatever happened, nothing is left behind)."""
        with contextlib.suppress(ProcessLookupError):  # the group has no process left
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait()


def environment(port: int, **settings: str) -> dict[str, str]:
    """The test run's environment (its database and Redis) for a process listening on `port`, with readable
    INFO logs and the given settings (`worker_shutdown_timeout_seconds="1"`)."""
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "LOG_LEVEL": "INFO", "LOG_JSON": "false"}
    env.update({key.upper(): value for key, value in settings.items()})
    return env


def launch(command: str, logs: Path, env: Mapping[str, str], port: int = 0) -> MainProcess:
    """`main.py <command>` from the checkout with exactly `env`, its output in `logs`/<command>.out|.err."""
    stdout, stderr = logs / f"{command}.out", logs / f"{command}.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            [sys.executable, "main.py", command],
            cwd=ROOT,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,  # a group of its own, so that kill() reaches the workers it spawns
        )
    return MainProcess(popen, stdout, stderr, port)


def start(logs: Path, command: str, **settings: str) -> MainProcess:
    """`main.py <command>` on the test database and Redis, on a free port, with the given settings."""
    port = free_port()
    return launch(command, logs, environment(port, **settings), port)


@asynccontextmanager
async def serving(logs: Path, **settings: str) -> AsyncIterator[MainProcess]:
    """`main.py serve` on the test database and Redis with the given settings, once ready; killed after the
    block if it still runs."""
    process = start(logs, "serve", **settings)
    try:
        await process.until_ready()
        yield process
    finally:
        process.kill()


async def blocked_on_locks(owner: asyncpg.Connection, table_hint: str) -> int:
    """How many statements of other roles (the app's) wait on a lock, in a query that mentions `table_hint`."""
    count: int = await owner.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        " AND usename <> current_user AND query ILIKE $1",
        f"%{table_hint}%",
    )
    return count
