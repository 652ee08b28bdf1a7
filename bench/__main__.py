"""`python -m bench` (scripts/bench): ShulGraph, PostGraphile v5 and a hand-written floor side by side on the same
rows, loaded with wrk, printed as one table with ratios and statements per request.

The run starts its own PostgreSQL (with pg_stat_statements) and Redis (scripts/test --services-only) unless
TEST_POSTGRES_URL / TEST_REDIS_URL name some, migrates a fresh database, seeds 100 synagogues (bench/seed.py),
serves ShulGraph with `main.py serve` in production mode (one uvicorn worker, then two for the rows marked so),
PostGraphile as the application role with the tenant in pgSettings, and the floor; checks that every request
answers cleanly (and that the floor's data is ShulGraph's); then loads each with wrk (a warm-up, then the run).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench import servers, stats, wrk
from bench.floor_screen import comparable
from bench.scenarios import Row, Scenario
from bench.services import services
from config import ROOT


def check_answer(url: str, scenario: Scenario) -> dict[str, object]:
    """One request first: a benchmark of error responses would measure nothing."""
    import httpx

    body = {"query": scenario.document, "variables": scenario.variables, "operationName": scenario.name}
    response = httpx.post(url, json=body, headers=scenario.headers, timeout=30)
    result: dict[str, object] = response.json()
    if response.status_code != 200 or result.get("errors"):
        raise RuntimeError(f"{scenario.name} does not answer cleanly at {url}: {response.status_code} {result}")
    return result


def measure(
    label: str, url: str, scenario: Scenario, args: argparse.Namespace, workdir: Path, db: stats.Db
) -> dict[str, Any]:
    if args.warmup:
        wrk.run(scenario, url, workdir, args.warmup, args.connections, args.threads)
    db.reset()
    pid = servers.PIDS.get(url)
    cpu = servers.cpu_seconds(pid) if pid else 0.0
    result = wrk.run(scenario, url, workdir, args.seconds, args.connections, args.threads)
    cpu_ms = (servers.cpu_seconds(pid) - cpu) * 1000 / result.requests if pid and result.requests else None
    per_request = db.statements() / result.requests if result.requests and db.enabled else None
    print(f"bench: {scenario.name} on {label}: {result.per_second:,.0f} requests/s", file=sys.stderr)
    return {"result": result, "server": label, "statements": per_request, "cpu_ms": cpu_ms}


UNCACHED = "ShulGraph, caller read every time (CALLER_CACHE_SECONDS=0)"
SCREEN_COMPUTED = "ShulGraph, screen computed every time (SCREEN_KEEP_SECONDS=0)"
# The same server with one thing turned off, for its before and after in one run: (url key, label, rows it measures).
TURNED_OFF: tuple[tuple[str, str, Callable[[Row], bool]], ...] = (
    ("uncached", UNCACHED, lambda row: True),
    ("screen_computed", SCREEN_COMPUTED, lambda row: row.name == "Screen"),
)


def run_rows(
    rows: list[Row], urls: dict[str, str], args: argparse.Namespace, workdir: Path, db: stats.Db
) -> list[dict[str, Any]]:
    measured = []
    for row in rows:
        data = check_answer(urls["shulgraph"], row.shulgraph)
        mine = measure("ShulGraph", urls["shulgraph"], row.shulgraph, args, workdir, db)
        mine["operation"] = row.name
        measured.append(mine)
        for key, label, measures in TURNED_OFF:
            if key in urls and measures(row):
                check_answer(urls[key], row.shulgraph)
                other = measure(label, urls[key], row.shulgraph, args, workdir, db)
                measured.append(other | {"operation": row.name})
        if row.postgraphile is not None and "executor" in urls:  # the same documents with the compiler off
            check_answer(urls["executor"], row.shulgraph)
            other = measure(
                "ShulGraph, executor (COMPILED_DOCUMENTS=false)", urls["executor"], row.shulgraph, args, workdir, db
            )
            measured.append(other | {"operation": row.name})
        if row.postgraphile is not None and "postgraphile" in urls:
            check_answer(urls["postgraphile"], row.postgraphile)
            other = measure("PostGraphile v5", urls["postgraphile"], row.postgraphile, args, workdir, db)
            other |= {"operation": row.name, "ratio": mine["result"].per_second / max(1.0, other["result"].per_second)}
            measured.append(other)
        if row.floor is not None:
            floor_data = check_answer(urls["floor"], row.floor)
            if comparable(floor_data)["data"] != comparable(data)["data"]:
                raise RuntimeError(f"the floor's {row.name} differs from ShulGraph's:\n{floor_data}\n{data}")
            other = measure("floor (Starlette + asyncpg)", urls["floor"], row.floor, args, workdir, db)
            other |= {"operation": row.name, "ratio": mine["result"].per_second / max(1.0, other["result"].per_second)}
            measured.append(other)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--seconds", type=int, default=10, help="measured duration per operation")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured load before each operation")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (the servers need the other core)")
    parser.add_argument("--log-level", default="INFO", help="ShulGraph's LOG_LEVEL (INFO writes access logs)")
    parser.add_argument("--only", nargs="*", help="operation names to run (default: all)")
    parser.add_argument("--small", action="store_true", help="seed 2 synagogues (a quick check of the bench)")
    parser.add_argument("--no-postgraphile", action="store_true", help="skip PostGraphile")
    parser.add_argument("--no-workers2", action="store_true", help="skip the WORKERS=2 rows")
    parser.add_argument("--no-executor", action="store_true", help="skip the rows with the compiler turned off")
    parser.add_argument("--no-uncached", action="store_true", help="skip the rows with the caller cache turned off")
    parser.add_argument(
        "--no-screen-computed", action="store_true", help="skip the Screen row with the kept screen state turned off"
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("bench: wrk is not installed (scripts/bench installs it)", file=sys.stderr)
        return 1
    with_postgraphile = not args.no_postgraphile and servers.postgraphile_installed()
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-bench."))
    database = f"shulgraph_bench_{uuid.uuid4().hex[:8]}"
    os.environ.setdefault("SHULGRAPH_PG_PRELOAD", "pg_stat_statements")
    with services() as found, ExitStack() as stack:
        env = stats.server_environment(found.postgres_admin_url, found.redis_url, database, args.log_level)
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        asyncio.run(stats.create_database(found.postgres_admin_url, database))
        stack.callback(lambda: asyncio.run(stats.drop_database(found.postgres_admin_url, database)))
        stack.callback(shutil.rmtree, workdir, True)
        migrate = subprocess.run(
            [sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if migrate.returncode != 0:
            raise RuntimeError(f"main.py migrate failed:\n{migrate.stdout}{migrate.stderr[-4000:]}")
        from bench.scenarios import scenarios
        from bench.seed import Scale, seed
        from config import get_settings

        get_settings.cache_clear()
        scale = Scale(synagogues=2, memorials=60) if args.small else Scale()
        seeded = asyncio.run(seed(env["MIGRATIONS_DATABASE_URL"], scale))
        db = stack.enter_context(stats.Db(env["MIGRATIONS_DATABASE_URL"], urlsplit(env["DATABASE_URL"]).username))
        rows = [row for row in scenarios(seeded) if not args.only or row.name in args.only]
        urls = {"floor": stack.enter_context(servers.floor(env, workdir))}
        if with_postgraphile:
            urls["postgraphile"] = stack.enter_context(servers.postgraphile(env["DATABASE_URL"], workdir))
        if not args.no_executor:
            executor_env = {**env, "COMPILED_DOCUMENTS": "false"}
            urls["executor"] = stack.enter_context(servers.shulgraph(executor_env, workdir, name="executor"))
        if not args.no_uncached:
            uncached_env = {**env, "CALLER_CACHE_SECONDS": "0"}
            urls["uncached"] = stack.enter_context(servers.shulgraph(uncached_env, workdir, name="uncached"))
        if not args.no_screen_computed and any(row.name == "Screen" for row in rows):
            computed_env = {**env, "SCREEN_KEEP_SECONDS": "0"}
            urls["screen_computed"] = stack.enter_context(servers.shulgraph(computed_env, workdir, name="computed"))
        with servers.shulgraph(env, workdir) as url:
            try:
                measured = run_rows(rows, {**urls, "shulgraph": url}, args, workdir, db)
            except RuntimeError:
                print((workdir / "shulgraph-1.log").read_text()[-6000:], file=sys.stderr)
                raise
        two = [row for row in rows if row.workers2] if not args.no_workers2 else []
        try:
            if two:
                with servers.shulgraph(env, workdir, workers=2) as url:
                    for row in two:
                        check_answer(url, row.shulgraph)
                        result = measure("ShulGraph, WORKERS=2", url, row.shulgraph, args, workdir, db)
                        measured.append(result | {"operation": row.name})
        except RuntimeError as error:  # the rows measured so far are still printed
            print(f"bench: the WORKERS=2 rows were not measured: {str(error)[:300]}", file=sys.stderr)
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"{scale.synagogues} synagogues seeded; wrk {args.threads} thread(s), {args.connections} connections, "
        f"{args.seconds}s per operation after {args.warmup}s warm-up; ShulGraph LOG_LEVEL={args.log_level}; "
        f"load average before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    print(stats.table(measured))
    return 0


if __name__ == "__main__":
    sys.exit(main())
