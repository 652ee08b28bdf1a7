"""Shared by the R1 tests: `main.py serve|worker` as a real process, lock waits, and polling until a condition."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg

from config import ROOT
from tests.subscriptions.live import free_port

DEADLINE = 120.0


@dataclass
class Proc:
    popen: subprocess.Popen[bytes]
    stderr: Path
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.stderr.read_text(errors="replace")[-6000:]

    async def exit_status(self) -> int:
        try:
            return await asyncio.to_thread(self.popen.wait, DEADLINE)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running {DEADLINE}s after SIGTERM; {self.log()}") from None


def _start(tmp_path: Path, command: str, **env: str) -> Proc:
    port = free_port()
    environment = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "LOG_LEVEL": "INFO", "LOG_JSON": "false"}
    environment.update({key.upper(): value for key, value in env.items()})
    stderr = tmp_path / f"{command}.err"
    with (tmp_path / f"{command}.out").open("wb") as out, stderr.open("wb") as err:
        popen = subprocess.Popen(
            [sys.executable, "main.py", command],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
        )
    return Proc(popen, stderr, port)


async def _blocked_on_locks(owner: asyncpg.Connection, table_hint: str) -> int:
    count: int = await owner.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        " AND usename <> current_user AND query ILIKE $1",
        f"%{table_hint}%",
    )
    return count


async def _until(check: Any, what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE
    while not await check():
        if loop.time() > deadline:
            raise AssertionError(f"never happened: {what}")
        await asyncio.sleep(0.05)


async def _true(value: bool) -> bool:
    return value
