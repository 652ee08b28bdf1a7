"""Control the real PostgreSQL and Redis servers that scripts/test started, from its TEST_* variables.

For reliability tests: take a server away and bring it back while the event loop keeps serving, e.g.

    async with redis_down(): ...                   # Redis is stopped for the block, running again after it
    await restart_redis(down_seconds=2)
    await stop_postgres(); ...; await start_postgres()

Redis restarts from the run's own config (TEST_SERVICES_DIR/redis.conf): same port, same pidfile, empty
dataset. PostgreSQL is stopped and started with pg_ctl on TEST_PG_DATA, as TEST_PG_RUN_AS when set.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from tests.support.waiting import wait_until

StopMode = Literal["smart", "fast", "immediate"]


class ServicesNotConfigured(RuntimeError):
    pass


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ServicesNotConfigured(
            f"{name} is not set: run the tests through scripts/test "
            "(or point them at the servers of scripts/test --services-only)"
        )
    return value


def redis_url() -> str:
    return _env("TEST_REDIS_URL")


def postgres_admin_url() -> str:
    """Superuser URL of the test cluster (postgres://postgres@127.0.0.1:PORT/postgres)."""
    return _env("TEST_POSTGRES_URL")


# --- Redis ------------------------------------------------------------------------------------------------


def _redis_port() -> int:
    return int(_env("TEST_REDIS_PORT"))


def _redis_answers(timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", _redis_port()), timeout=timeout) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _port_open() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", _redis_port()), timeout=0.2):
            return True
    except OSError:
        return False


def _signal_redis_to_stop() -> None:
    """SIGTERM by pidfile, else SHUTDOWN NOSAVE."""
    pidfile = Path(os.environ.get("TEST_SERVICES_DIR", "/nonexistent")) / "redis.pid"
    try:
        os.kill(int(pidfile.read_text().strip()), signal.SIGTERM)
    except (OSError, ValueError):
        try:
            with socket.create_connection(("127.0.0.1", _redis_port()), timeout=1) as sock:
                sock.sendall(b"SHUTDOWN NOSAVE\r\n")
                sock.recv(64)
        except OSError:
            pass


def _launch_redis() -> None:
    services_dir = os.environ.get("TEST_SERVICES_DIR")
    conf = Path(services_dir) / "redis.conf" if services_dir else None
    if conf is not None and conf.exists():
        command = [_env("TEST_REDIS_SERVER_BIN"), str(conf)]
    else:
        command = [_env("TEST_REDIS_SERVER_BIN"), "--port", str(_redis_port()), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
    # Its own session, so a Ctrl-C meant for pytest does not reach it; scripts/test stops it by port on exit.
    subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


async def stop_redis(timeout: float = 10.0) -> None:
    """Stop the test redis-server and wait for its port to close."""
    await asyncio.to_thread(_signal_redis_to_stop)
    await wait_until(lambda: not _port_open(), f"redis-server on port {_redis_port()} stopped", timeout=timeout)


async def start_redis(timeout: float = 10.0) -> None:
    """Start the test redis-server again on the same port (empty dataset) and wait until it answers PING."""
    _launch_redis()
    await wait_until(_redis_answers, f"redis-server on port {_redis_port()} came back", timeout=timeout)


async def restart_redis(down_seconds: float) -> None:
    """Stop Redis, keep it down for `down_seconds`, start it again; the event loop keeps serving meanwhile."""
    await stop_redis()
    await asyncio.sleep(down_seconds)
    await start_redis()


@asynccontextmanager
async def redis_down() -> AsyncIterator[None]:
    """Redis is stopped for the block, and running again after it (also when the block fails)."""
    await stop_redis()
    try:
        yield
    finally:
        await start_redis()


# --- PostgreSQL -------------------------------------------------------------------------------------------


def _pg_ctl(*args: str) -> None:
    command = [str(Path(_env("TEST_PG_BIN_DIR")) / "pg_ctl"), "-D", _env("TEST_PG_DATA"), *args]
    run_as = os.environ.get("TEST_PG_RUN_AS", "")
    if run_as:
        command = ["runuser", "-u", run_as, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd="/", check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"pg_ctl {' '.join(args)} failed ({result.returncode}): {result.stdout}{result.stderr}"
        )


async def stop_postgres(mode: StopMode = "fast") -> None:
    """Stop the test cluster; `fast` disconnects clients and rolls back their transactions."""
    await asyncio.to_thread(_pg_ctl, "stop", "-m", mode, "-w", "-t", "60")


async def start_postgres() -> None:
    """Start the test cluster again (same port and settings) and wait until it accepts connections."""
    services_dir = os.environ.get("TEST_SERVICES_DIR")
    log = str(Path(services_dir) / "postgres.log") if services_dir else os.devnull
    # -l keeps the server's output away from our pipes, which it would otherwise hold open forever.
    await asyncio.to_thread(_pg_ctl, "start", "-l", log, "-w", "-t", "60")
