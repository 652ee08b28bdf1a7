"""`python -m bench.sign_in_flood` (G9): a flood of untenanted work — wrong-password sign-ins from rotating
addresses — and what another person's sign-in and a synagogue's request wait meanwhile.

Starts PostgreSQL and Redis (or uses TEST_POSTGRES_URL / TEST_REDIS_URL) and one uvicorn worker in production mode
behind no proxy but trusting 127.0.0.1's `X-Forwarded-For`, so that wrk (one thread) can send each sign-in from
another address (`--addresses` of them, in 198.18.0.0/15, the benchmarking range). A victim signs in with the right
password from an address of its own, and a synagogue's owner reads `Synagogue`, each a few times a second, first
alone and then during the flood. It prints their latency percentiles in both phases and how the flood was answered
(sign-ins checked, refused by the per-address throttle or by the untenanted lane). Benchmarks measure; they are
not tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.noisy_neighbour import Phase, seed_two_tenants
from bench.servers import free_port, shulgraph
from bench.services import services
from bench.stats import create_database, drop_database, server_environment
from config import ROOT, get_settings
from tests.support.documents import client_document

LOGIN = client_document("Login")
SYNAGOGUE_BODY = {"query": client_document("Synagogue"), "operationName": "Synagogue"}
VICTIM_ADDRESS = "203.0.113.10"
FLOOD_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local query = {query}
local addresses = {addresses}
local counter = 0
request = function()
  counter = counter + 1
  local n = counter % addresses
  wrk.headers["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.floor(n / 65536) % 2,
    math.floor(n / 256) % 256, n % 256)
  local body = string.format('{{"query": %s, "operationName": "Login", "variables": {{"input": '
    .. '{{"email": "nobody%d@bench.example.org", "password": "not the password"}}}}}}', query, counter)
  return wrk.format(nil, nil, nil, body)
end
statuses = {{}}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("FLOOD-RESULT %d %d\\n", summary.requests, summary.errors.status))
end
"""


@dataclass
class Victims:
    sign_in: Phase
    synagogue: Phase
    flood_requests: int = 0
    flood_throttled: int = 0
    notes: list[str] = field(default_factory=list)


async def victims(
    base: str, owner: dict[str, str], email: str, password: str, seconds: float, rate: float, out: Victims
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        stop = time.monotonic() + seconds
        credentials = {"input": {"email": email, "password": password}}
        login = {"query": LOGIN, "operationName": "Login", "variables": credentials}

        async def timed(phase: Phase, body: Mapping[str, object], headers: dict[str, str]) -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = await client.post("/graphql", json=body, headers=headers)
                elapsed = time.perf_counter() - started
                phase.latencies_ms.append(elapsed * 1000)
                if response.status_code != 200 or response.json().get("errors"):
                    out.notes.append(f"{phase.name}: {response.status_code} {response.text[:200]}")
                await asyncio.sleep(max(0.0, 1 / rate - elapsed))

        await asyncio.gather(
            timed(out.sign_in, login, {"X-Forwarded-For": VICTIM_ADDRESS}),
            timed(out.synagogue, SYNAGOGUE_BODY, owner),
        )


def flood(url: str, workdir: Path, seconds: int, connections: int, addresses: int) -> tuple[int, int]:
    script = workdir / "flood.lua"
    script.write_text(FLOOD_LUA.format(query=json.dumps(json.dumps(LOGIN)), addresses=addresses))
    command = [
        "wrk",
        "--threads=1",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={script}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next(x for x in output.splitlines() if x.startswith("FLOOD-RESULT "))
    requests, non_2xx = (int(x) for x in line.split()[1:])
    return requests, non_2xx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.sign_in_flood", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--addresses", type=int, default=65536, help="distinct flood addresses (1 to 131072)")
    parser.add_argument("--rate", type=float, default=4, help="the victims' requests per second, each")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-g9."))
    database = f"shulgraph_g9_{uuid.uuid4().hex[:8]}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with services() as servers:
        env = server_environment(servers.postgres_admin_url, servers.redis_url, database, "WARNING", port)
        env["TRUSTED_PROXIES"] = '["127.0.0.1"]'
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        asyncio.run(create_database(servers.postgres_admin_url, database))
        load_before = os.getloadavg()[0]
        phases: list[Victims] = []
        try:
            subprocess.run([sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, check=True)
            get_settings.cache_clear()
            _, owner = asyncio.run(seed_two_tenants(env["MIGRATIONS_DATABASE_URL"]))
            email, password = "b0@bench.example.org", "bench password, not for production"
            with shulgraph(env, workdir, name="server", port=port):
                warm = Victims(Phase("warm-up sign-in"), Phase("warm-up Synagogue"))
                asyncio.run(victims(base, owner, email, password, 2, args.rate, warm))
                alone = Victims(Phase("sign-in, alone"), Phase("Synagogue, alone"))
                asyncio.run(victims(base, owner, email, password, args.seconds, args.rate, alone))
                during = Victims(Phase("sign-in, during the flood"), Phase("Synagogue, during the flood"))

                async def flooded() -> None:
                    counts = asyncio.to_thread(
                        flood, f"{base}/graphql", workdir, int(args.seconds), args.connections, args.addresses
                    )
                    (requests, throttled), _ = await asyncio.gather(
                        counts, victims(base, owner, email, password, args.seconds, args.rate, during)
                    )
                    during.flood_requests, during.flood_throttled = requests, throttled

                asyncio.run(flooded())
                phases = [alone, during]
        finally:
            asyncio.run(drop_database(servers.postgres_admin_url, database))
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; one uvicorn worker; "
        f"flood: wrk 1 thread, {args.connections} connections, {args.addresses} addresses, wrong passwords; "
        f"{args.seconds:g}s per phase; load average before {load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    rows = ["| phase | requests | p50 ms | p90 ms | p99 ms | refused |", "|---|---:|---:|---:|---:|---:|"]
    for victims_phase in phases:
        for phase in (victims_phase.sign_in, victims_phase.synagogue):
            rows.append(
                f"| {phase.name} | {len(phase.latencies_ms)} | {phase.percentile(0.5):.1f} | "
                f"{phase.percentile(0.9):.1f} | {phase.percentile(0.99):.1f} | "
                f"{sum(1 for n in victims_phase.notes if n.startswith(phase.name))} |"
            )
    print("\n".join(rows))
    flooded_phase = phases[-1] if phases else None
    if flooded_phase is not None:
        print(
            f"\nflood: {flooded_phase.flood_requests:,} sign-ins sent, {flooded_phase.flood_throttled:,} answered "
            "429 (the per-address throttle or the untenanted lane)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
