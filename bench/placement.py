"""`python -m bench.placement`: what placing synagogues in databases of their own costs.

1. Requests per second of one synagogue shared, then placed: the first seeded synagogue (bench/seed.py's rows:
   500 memorials, 50 members, content; `--synagogues` of them) is loaded with wrk through `main.py serve` (one
   worker, production settings, compiled trusted documents) in the shared database, moved with `main.py tenant
   move` while the server runs (its cached placement goes stale and is corrected by the fence), and loaded again.
2. The tenant connection manager with many placed synagogues in one process: `--tenants` synagogues spread over
   `--databases` placed databases (copies of one migrated placed database, `CREATE DATABASE ... TEMPLATE`), each
   entered in turn (`tenant_scope` and one count), then `--concurrency` at once; with a bound that keeps every
   pool open, and with the default bound (pools closed and opened again), against the same number of shared
   synagogues; the pools, server connections and memory the process holds.

Printed, never asserted. The run starts its own PostgreSQL and Redis as `scripts/bench` does."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from bench import wrk
from bench.__main__ import check_answer
from bench.servers import free_port, stop, wait_ready
from bench.services import services
from bench.stats import APP_ROLE as BENCH_ROLE
from bench.stats import create_database, drop_database, server_environment
from config import ROOT
from services.platform import tenant_tables

APP_ROLE = f"{BENCH_ROLE}:bench-app-secret"


def _urls(admin_url: str, database: str) -> tuple[str, str]:
    admin = urlsplit(admin_url)
    owner = urlunsplit(admin._replace(path=f"/{database}"))
    return f"postgres://{APP_ROLE}@{admin.hostname}:{admin.port}/{database}", owner


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr[-4000:]}")
    return done.stdout


def requests_per_second(env: dict[str, str], workdir: Path, args: argparse.Namespace) -> list[tuple[str, Any, Any]]:
    """Each scenario's wrk result with the synagogue shared, then placed (see the module)."""
    from bench.scenarios import scenarios
    from bench.seed import Scale, seed

    seeded = asyncio.run(seed(env["MIGRATIONS_DATABASE_URL"], Scale(synagogues=args.synagogues)))
    slug = asyncio.run(_slug_of(env["MIGRATIONS_DATABASE_URL"], seeded.tenant_id))
    base = f"http://127.0.0.1:{env['PORT']}"
    log = workdir / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "main.py", "serve"], cwd=ROOT, env=env, stdout=out, stderr=out)
    rows: dict[str, list[Any]] = {}
    try:
        wait_ready(server, base, log)
        for placement in ("shared", "placed"):
            if placement == "placed":
                _run([sys.executable, "main.py", "tenant", "move", slug, "--to", "bench_tenants"], env)
            for row in scenarios(seeded):
                scenario = row.shulgraph
                check_answer(f"{base}/graphql", scenario)
                wrk.run(scenario, f"{base}/graphql", workdir, args.warmup, args.connections, 1)
                result = wrk.run(scenario, f"{base}/graphql", workdir, args.seconds, args.connections, 1)
                rows.setdefault(scenario.name, []).append(result)
                print(f"bench: {scenario.name} {placement}: {result.per_second:,.0f} requests/s", file=sys.stderr)
    finally:
        stop(server)
    return [(name, *results) for name, results in rows.items()]


async def _slug_of(owner_url: str, tenant_id: int) -> str:
    owner = await asyncpg.connect(owner_url)
    try:
        slug: str = await owner.fetchval("SELECT slug FROM synagogue WHERE id = $1", tenant_id)
    finally:
        await owner.close()
    return slug


async def _spread(admin_url: str, central: str, template: str, names: list[str], tenants: int) -> list[int]:
    """Copies of the placed `template` database, and `tenants` synagogues placed over them (plus as many shared)."""
    admin = await asyncpg.connect(admin_url)
    try:
        for name in names[1:]:
            await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()
    owner = await asyncpg.connect(_urls(admin_url, central)[1])
    made: list[int] = []
    try:
        for index in range(2 * tenants):
            made.append(
                await owner.fetchval(
                    "INSERT INTO synagogue (name, slug, timezone, latitude, longitude, elevation, in_israel, "
                    "candle_lighting_minutes, havdalah_opinion, use_elevation, created_at, updated_at) VALUES "
                    "($1, $1, 'UTC', 0, 0, 0, false, 18, 'DEGREES_8_5', false, now(), now()) RETURNING id",
                    f"spread-{index}",
                )
            )
        for index, tenant in enumerate(made[:tenants]):
            database = names[index % len(names)]
            await owner.execute("INSERT INTO tenant_fence VALUES ($1, 'DEPARTED', now())", tenant)
            await owner.execute(
                "INSERT INTO tenant_placement (synagogue_id, database, placed_at) VALUES ($1, $2, now())",
                tenant,
                f"db{index % len(names)}",
            )
            placed = await asyncpg.connect(_urls(admin_url, database)[1])
            try:  # its registry row, for the foreign keys of its rows there (as a move copies it)
                await tenant_tables.sync(owner, placed, [tenant_tables.synagogue_table()], tenant)
            finally:
                await placed.close()
    finally:
        await owner.close()
    return made


def _rss_mib() -> float:
    """This process's resident memory now."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _enter_all(tenants: list[int], concurrency: int) -> float:
    """Milliseconds per synagogue: its transaction, one count of its messages, commit."""
    from models.base import tenant_scope
    from models.content import Message

    gate = asyncio.Semaphore(concurrency)

    async def one(tenant: int) -> None:
        async with gate, tenant_scope(tenant):
            await Message.all().count()

    started = time.perf_counter()
    await asyncio.gather(*(one(tenant) for tenant in tenants))
    return (time.perf_counter() - started) * 1000 / len(tenants)


async def manager_cost(admin_url: str, central: str, names: list[str], tenants: int, concurrency: int) -> list[str]:
    """Lines of the second table (see the module), measured in this process."""
    from tortoise import Tortoise

    from config import Settings, get_settings
    from models.database import tortoise_config
    from models.placement import running
    from models.placement.pools import manager

    made = await _spread(admin_url, central, names[0], names, tenants)
    placed, shared = made[:tenants], made[tenants:]
    declared = {
        f"db{n}": dict(zip(("url", "owner_url"), _urls(admin_url, name), strict=True)) for n, name in enumerate(names)
    }
    lines = []
    for label, total in (("every pool open", 10 * len(names) + 10), ("default bound (50 connections)", 50)):
        overrides = {"tenant_databases": declared, "tenant_pools_max_connections": total}
        settings = Settings(**{**get_settings().model_dump(), **overrides})
        await Tortoise.init(config=tortoise_config(settings=settings))
        await running.start(settings)
        rss = _rss_mib()
        try:
            for who, group in (("shared", shared), ("placed", placed)):
                first = await _enter_all(group, 1)
                again = await _enter_all(group, 1)
                parallel = await _enter_all(group, concurrency)
                lines.append(
                    f"| {label} | {who} | {first:.2f} | {again:.2f} | {parallel:.2f} |"
                    f" {sum(1 for h in manager().health().values() if h['connections'])} | {manager().pools_opened} |"
                )
            app = await asyncpg.connect(_urls(admin_url, central)[1])
            try:
                held = await app.fetchval(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = $1", BENCH_ROLE
                )
            finally:
                await app.close()
            lines.append(f"| {label} | process | RSS +{_rss_mib() - rss:.1f} MiB | server connections {held} | | | |")
        finally:
            await running.stop()
            await Tortoise.close_connections()
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.placement", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--synagogues", type=int, default=10, help="seeded in the shared database (bench/seed.py)")
    parser.add_argument("--tenants", type=int, default=200)
    parser.add_argument("--databases", type=int, default=40, help="placed databases the tenants are spread over")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--skip-wrk", action="store_true", help="only the connection manager's table")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-bench-placement."))
    suffix = uuid.uuid4().hex[:8]
    central, placed = f"shulgraph_bench_{suffix}", f"shulgraph_bench_{suffix}_t"
    spread = [f"shulgraph_bench_{suffix}_s{n:02d}" for n in range(args.databases)]
    with services() as servers:
        admin = servers.postgres_admin_url
        env = server_environment(admin, servers.redis_url, central, "WARNING", port=free_port())
        url, owner = _urls(admin, placed)
        env["TENANT_DATABASES"] = json.dumps({"bench_tenants": {"url": url, "owner_url": owner}})
        names = ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT", "TENANT_DATABASES")
        os.environ.update({name: env[name] for name in names})
        for name in (central, placed, spread[0]):
            asyncio.run(create_database(admin, name))
        try:
            spread_url, spread_owner = _urls(admin, spread[0])
            declared = json.loads(env["TENANT_DATABASES"])
            declared["bench_spread"] = {"url": spread_url, "owner_url": spread_owner}
            _run([sys.executable, "main.py", "migrate"], {**env, "TENANT_DATABASES": json.dumps(declared)})
            from config import get_settings

            get_settings.cache_clear()
            rows = [] if args.skip_wrk else requests_per_second(env, workdir, args)
            lines = asyncio.run(manager_cost(admin, central, spread, args.tenants, args.concurrency))
        finally:
            for name in (central, placed, *spread):
                asyncio.run(drop_database(admin, name))
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; load average before "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    if rows:
        print("| operation | shared requests/s | placed requests/s | shared p99 ms | placed p99 ms |")
        print("|---|---:|---:|---:|---:|")
        for name, shared, moved in rows:
            rates = f"{shared.per_second:,.0f} | {moved.per_second:,.0f}"
            print(f"| {name} | {rates} | {shared.p99_ms:.2f} | {moved.p99_ms:.2f} |")
        print()
    print(f"{args.tenants} placed synagogues over {args.databases} databases, as many shared; ms per synagogue")
    print("| pools | synagogues | first pass | second pass | concurrent | pools with connections | pools opened |")
    print("|---|---|---:|---:|---:|---:|---:|")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
