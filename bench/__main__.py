"""`python -m bench` (scripts/bench): load each scenario with wrk against one uvicorn worker on PostgreSQL and
Redis, and print requests per second and latency percentiles as a table.

The run starts its own servers (scripts/test --services-only) unless TEST_POSTGRES_URL / TEST_REDIS_URL name
some, migrates a fresh database, seeds a tenant with 50 members, and serves with `main.py serve`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

from bench import wrk
from bench.scenarios import Scenario
from bench.services import services
from config import ROOT

READY_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def create_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def drop_database(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def server_environment(admin_url: str, redis_url: str, database: str, port: int, log_level: str) -> dict[str, str]:
    admin = urlsplit(admin_url)
    return {
        **os.environ,
        "ENVIRONMENT": "production",
        "DATABASE_URL": f"postgres://shulgraph_bench_app:bench-app-secret@{admin.hostname}:{admin.port}/{database}",
        "MIGRATIONS_DATABASE_URL": urlunsplit(admin._replace(path=f"/{database}")),
        "REDIS_URL": redis_url,
        "JWT_SECRET": secrets.token_urlsafe(48),
        "ACCESS_TOKEN_TTL_SECONDS": "3600",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WORKERS": "1",
        "LOG_LEVEL": log_level,
        # One principal sends every request: its cost budget would throttle it (429) long before the server's
        # capacity is reached, and the benchmark measures the server.
        "COST_BUDGET_CAPACITY": str(10**12),
        "COST_BUDGET_RESTORE_RATE": str(10**12),
    }


def wait_ready(server: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited ({server.returncode}):\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(f"{base}/health/ready", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not ready within {READY_SECONDS}s:\n{log.read_text()[-4000:]}")


def check_answer(base: str, scenario: Scenario) -> None:
    """One request first: a benchmark of error responses would measure nothing."""
    body = {
        "query": scenario.document,
        "variables": scenario.variables,
        "operationName": scenario.operation or scenario.name,
    }
    headers = {**scenario.headers, **(scenario.rotate[0] if scenario.rotate else {})}
    response = httpx.post(f"{base}/graphql", json=body, headers=headers, timeout=30)
    result = response.json()
    if response.status_code != 200 or result.get("errors"):
        raise RuntimeError(f"{scenario.name} does not answer cleanly: {response.status_code} {result}")


def table(results: list[wrk.Result]) -> str:
    rows = [
        "| operation | requests/s | p50 ms | p90 ms | p99 ms | requests | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r.name} | {r.per_second:,.0f} | {r.p50_ms:.2f} | {r.p90_ms:.2f} | {r.p99_ms:.2f} "
            f"| {r.requests:,} | {r.errors} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--seconds", type=int, default=10, help="measured duration per operation")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured load before each operation")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (the server needs the other core)")
    parser.add_argument("--log-level", default="INFO", help="the server's LOG_LEVEL (INFO writes access logs)")
    parser.add_argument("--only", nargs="*", help="operation names to run (default: all)")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("bench: wrk is not installed (scripts/bench installs it)", file=sys.stderr)
        return 1

    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-bench."))
    database = f"shulgraph_bench_{uuid.uuid4().hex[:8]}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with services() as servers:
        env = server_environment(servers.postgres_admin_url, servers.redis_url, database, port, args.log_level)
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        asyncio.run(create_database(servers.postgres_admin_url, database))
        server: subprocess.Popen[bytes] | None = None
        try:
            migrate = subprocess.run(
                [sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
            )
            if migrate.returncode != 0:
                raise RuntimeError(f"main.py migrate failed:\n{migrate.stdout}{migrate.stderr[-4000:]}")
            from bench.scenarios import scenarios
            from bench.seed import seed
            from config import get_settings

            get_settings.cache_clear()
            seeded = asyncio.run(seed(env["MIGRATIONS_DATABASE_URL"]))
            log = workdir / "server.log"
            with log.open("wb") as out:
                server = subprocess.Popen(
                    [sys.executable, "main.py", "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
                )
            wait_ready(server, base, log)
            results: list[wrk.Result] = []
            for scenario in scenarios(seeded):
                if args.only and scenario.name not in args.only:
                    continue
                check_answer(base, scenario)
                if args.warmup:
                    wrk.run(scenario, f"{base}/graphql", workdir, args.warmup, args.connections, args.threads)
                result = wrk.run(scenario, f"{base}/graphql", workdir, args.seconds, args.connections, args.threads)
                results.append(result)
                print(f"bench: {scenario.name}: {result.per_second:,.0f} requests/s", file=sys.stderr)
                if result.errors:
                    print(f"bench: {scenario.name}: {result.errors} failed requests (non-2xx or socket errors)")
        finally:
            if server is not None and server.poll() is None:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)
            asyncio.run(drop_database(servers.postgres_admin_url, database))
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; one uvicorn worker; "
        f"wrk {args.threads} thread(s), {args.connections} connections, {args.seconds}s per operation "
        f"after {args.warmup}s warm-up; server LOG_LEVEL={args.log_level}; load average before the run "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
