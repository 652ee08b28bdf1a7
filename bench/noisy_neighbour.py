"""`python -m bench.noisy_neighbour` (G7): one tenant floods; how does another tenant's latency change?

Starts PostgreSQL and Redis (or uses TEST_POSTGRES_URL / TEST_REDIS_URL), one uvicorn worker in production mode
with the default cost budget (per tenant and principal) and per-tenant concurrency cap, and two synagogues.
Tenant B sends `Synagogue` at a steady rate, first alone (baseline), then while tenant A's owner floods
`Members(first: 50)` from many concurrent connections. It prints B's latency percentiles in both phases and
how many of A's requests were throttled (429, `THROTTLED`). The flood is wrk (one thread); tenant B is an
httpx client in this process. `--tenant-concurrency 1000` turns the per-tenant cap off, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench import wrk
from bench.scenarios import Scenario
from bench.servers import free_port, shulgraph
from bench.services import services
from bench.stats import create_database, drop_database, server_environment
from config import ROOT, get_settings
from models.database import tortoise_config
from tests.support.documents import client_document

MEMBERS_BODY = {"query": client_document("Members"), "variables": {"first": 50}, "operationName": "Members"}
SYNAGOGUE_BODY = {"query": client_document("Synagogue"), "operationName": "Synagogue"}


@dataclass
class Phase:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    flood_ok: int = 0
    flood_refused: int = 0
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def seed_two_tenants(owner_url: str) -> list[dict[str, str]]:
    """Two synagogues with 30 members each; the owners' request headers."""
    from tortoise import Tortoise

    from models.identity import Membership, Role, User
    from models.synagogue import Synagogue
    from services.identity.passwords import hash_password
    from services.identity.tokens import issue_access_token
    from services.infra.ids import to_global_id

    settings = get_settings()
    await Tortoise.init(config=tortoise_config(owner_url, settings))
    headers: list[dict[str, str]] = []
    try:
        password_hash = await hash_password("bench password, not for production")
        for label in ("a", "b"):
            synagogue = await Synagogue.create(
                name=f"Bench {label}", slug=f"bench-{label}", timezone="UTC", latitude=0.0, longitude=0.0
            )
            owner = None
            for n in range(30):
                user = await User.create(email=f"{label}{n}@bench.example.org", password_hash=password_hash)
                await Membership.create(user=user, synagogue=synagogue, role=Role.OWNER if n == 0 else Role.VIEWER)
                owner = owner or user
            assert owner is not None
            token = issue_access_token(settings, owner.id)[0]
            headers.append({"Authorization": f"Bearer {token}", "X-Tenant-ID": to_global_id("Synagogue", synagogue.id)})
    finally:
        await Tortoise.close_connections()
    return headers


async def measure(
    base: str,
    victim: dict[str, str],
    flooder: dict[str, str] | None,
    phase: Phase,
    seconds: float,
    connections: int,
    victim_rate: float,
    workdir: Path,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        stop = time.monotonic() + seconds

        async def victim_loop() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = await client.post("/graphql", json=SYNAGOGUE_BODY, headers=victim)
                elapsed = time.perf_counter() - started
                phase.latencies_ms.append(elapsed * 1000)
                if response.status_code != 200 or response.json().get("errors"):
                    raise RuntimeError(f"tenant B was refused: {response.status_code} {response.text[:300]}")
                await asyncio.sleep(max(0.0, 1 / victim_rate - elapsed))

        began = time.monotonic()
        if flooder is None:
            await victim_loop()
        else:
            scenario = Scenario("Members", MEMBERS_BODY["query"], {"first": 50}, flooder)  # type: ignore[arg-type]
            flood = asyncio.to_thread(wrk.run, scenario, f"{base}/graphql", workdir, int(seconds), connections, 1)
            result, _ = await asyncio.gather(flood, victim_loop())
            phase.flood_ok = result.requests - result.errors
            phase.flood_refused = result.errors
        phase.seconds = time.monotonic() - began


def report(phases: list[Phase], connections: int) -> str:
    rows = [
        "| phase | B requests | B p50 ms | B p90 ms | B p99 ms | B mean ms | A answered | A refused (429) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in phases:
        rows.append(
            f"| {p.name} | {len(p.latencies_ms):,} | {p.percentile(0.5):.2f} | {p.percentile(0.9):.2f} "
            f"| {p.percentile(0.99):.2f} | {statistics.fmean(p.latencies_ms or [float('nan')]):.2f} "
            f"| {p.flood_ok:,} | {p.flood_refused:,} |"
        )
    return f"tenant B: Synagogue; tenant A: Members(first: 50) from {connections} connections\n\n" + "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.noisy_neighbour", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--victim-rate", type=float, default=5, help="tenant B's requests per second")
    parser.add_argument("--budget", type=int, default=None, help="COST_BUDGET_CAPACITY (default: the setting's)")
    parser.add_argument("--restore-rate", type=int, default=None, help="COST_BUDGET_RESTORE_RATE per second")
    parser.add_argument(
        "--tenant-concurrency",
        type=int,
        default=None,
        help="TENANT_MAX_CONCURRENCY (default: the setting's, 0 = half the pool; a large value turns the cap off)",
    )
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-g7."))
    database = f"shulgraph_g7_{uuid.uuid4().hex[:8]}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    defaults = get_settings()
    with services() as servers:
        env = server_environment(servers.postgres_admin_url, servers.redis_url, database, "WARNING", port)
        env["COST_BUDGET_CAPACITY"] = str(args.budget or defaults.cost_budget_capacity)
        env["COST_BUDGET_RESTORE_RATE"] = str(args.restore_rate or defaults.cost_budget_restore_rate)
        concurrency = (
            args.tenant_concurrency if args.tenant_concurrency is not None else defaults.tenant_max_concurrency
        )
        env["TENANT_MAX_CONCURRENCY"] = str(concurrency)
        load_before = os.getloadavg()[0]
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        asyncio.run(create_database(servers.postgres_admin_url, database))
        try:
            subprocess.run([sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, check=True)
            get_settings.cache_clear()
            flooder, victim = asyncio.run(seed_two_tenants(env["MIGRATIONS_DATABASE_URL"]))
            with shulgraph(env, workdir, name="server", port=port):
                baseline, flooded = Phase("B alone"), Phase("B while A floods")
                asyncio.run(
                    measure(base, victim, None, Phase("warm-up"), 2, args.connections, args.victim_rate, workdir)
                )
                asyncio.run(
                    measure(base, victim, None, baseline, args.seconds, args.connections, args.victim_rate, workdir)
                )
                asyncio.run(
                    measure(base, victim, flooder, flooded, args.seconds, args.connections, args.victim_rate, workdir)
                )
        finally:
            asyncio.run(drop_database(servers.postgres_admin_url, database))
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; one uvicorn worker; "
        f"budget {env['COST_BUDGET_CAPACITY']} points, restoring {env['COST_BUDGET_RESTORE_RATE']}/s; "
        f"TENANT_MAX_CONCURRENCY {env['TENANT_MAX_CONCURRENCY']} (pool {defaults.db_pool_max}); "
        f"{args.seconds:g}s per phase; load average before {load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    print(report([baseline, flooded], args.connections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
