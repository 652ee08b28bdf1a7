"""PostgreSQL and Redis for a benchmark run: the servers of `scripts/test --services-only`, or the ones named
by TEST_POSTGRES_URL / TEST_REDIS_URL when they are already set (e.g. after `source $dir/env`)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from bench.servers import stop
from config import ROOT

EXPORT = re.compile(r"^export (TEST_[A-Z_]+)=(.*)$")
START_SECONDS = 300


@dataclass(frozen=True)
class Services:
    postgres_admin_url: str
    redis_url: str


@contextmanager
def services() -> Iterator[Services]:
    """Servers for the run; those started here are stopped (and their temp dir removed) on exit."""
    if os.environ.get("TEST_POSTGRES_URL") and os.environ.get("TEST_REDIS_URL"):
        yield Services(os.environ["TEST_POSTGRES_URL"], os.environ["TEST_REDIS_URL"])
        return
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "test"), "--services-only"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        found = _read_exports(process)
        yield Services(found["TEST_POSTGRES_URL"], found["TEST_REDIS_URL"])
    finally:
        _stop(process)


def _read_exports(process: subprocess.Popen[str]) -> dict[str, str]:
    assert process.stdout is not None
    found: dict[str, str] = {}
    deadline = time.monotonic() + START_SECONDS
    seen: list[str] = []
    for line in process.stdout:
        seen.append(line)
        match = EXPORT.match(line.strip())
        if match:
            found[match.group(1)] = match.group(2).strip("'\"")
        if "Ctrl-C stops the servers" in line or time.monotonic() > deadline:
            break
    if "TEST_POSTGRES_URL" not in found or "TEST_REDIS_URL" not in found:
        raise RuntimeError("scripts/test --services-only did not start the servers:\n" + "".join(seen))
    return found


def _stop(process: subprocess.Popen[str]) -> None:
    """SIGTERM lets scripts/test stop both servers and remove its temp dir; then end the rest of its group."""
    stop(process)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    if process.stdout is not None:
        process.stdout.close()
