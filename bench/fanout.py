"""`python -m bench.fanout`: live-screen fan-out. N TVs subscribe to `screenUpdated` over websockets, spread
over two API processes sharing one Redis; one content change (`createMessage` on the first process); the time
until each TV has the new state, and the resident memory each idle subscription costs the servers.

Starts PostgreSQL and Redis (or uses TEST_POSTGRES_URL / TEST_REDIS_URL), migrates a fresh database, and for
each N serves with two fresh `main.py serve` processes (production settings, the websocket protocol it gives
uvicorn). Each N gets its own synagogue with N paired devices, and `--warm` more that subscribe first and stay:
the resident memory is read after them, so that what is measured is what one more idle screen costs a warm
process. (Fresh processes per N: in processes that served a smaller N before, the sockets of that run free
memory the next run reuses, and a run of N measured little more than the sockets it added beyond those.)
The TVs are websocket clients in this process, so the latencies include their own parsing and scheduling;
the machine's cores are shared by the clients and both servers, so the CPU time the servers and the clients
spent on the change is reported beside the latencies. It measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.servers import PIDS, cpu_seconds, shulgraph
from bench.services import services
from bench.stats import create_database, drop_database, server_environment
from config import ROOT
from tests.support.documents import client_document

SCREEN_UPDATED = client_document("ScreenUpdated")
CREATE_MESSAGE = client_document("CreateMessage")
CONNECT_BATCH = 100


@dataclass(frozen=True)
class Fleet:
    tenant_id: int
    admin_headers: dict[str, str]
    tokens: list[str]


async def seed_fleet(owner_url: str, size: int) -> Fleet:
    """A synagogue with an admin and `size` paired devices, written through the owner role."""
    from tortoise import Tortoise

    from config import get_settings
    from models.base import tenant_scope
    from models.database import tortoise_config
    from models.devices import Device, DeviceIdentity
    from models.identity import Membership, Role, User
    from models.synagogue import Synagogue
    from services.identity.tokens import hash_secret, issue_access_token, new_secret
    from services.infra.ids import to_global_id

    settings = get_settings()
    await Tortoise.init(config=tortoise_config(owner_url, settings))
    try:
        tag = uuid.uuid4().hex[:8]
        synagogue = await Synagogue.create(
            name=f"Fan-out {size}", slug=f"fanout-{tag}", timezone="America/New_York", latitude=40.71, longitude=-74.0
        )
        admin = await User.create(email=f"admin-{tag}@bench.example.org", password_hash="!")
        await Membership.create(user=admin, synagogue=synagogue, role=Role.ADMIN)
        tokens = [new_secret("device") for _ in range(size)]
        async with tenant_scope(synagogue.id):
            await Device.bulk_create([Device(name=f"TV {i}", tenant_id=synagogue.id) for i in range(size)])
            ids = [d.id for d in await Device.all().order_by("id")]
        await DeviceIdentity.bulk_create(
            [
                DeviceIdentity(device_id=pk, tenant_id=synagogue.id, token_hash=hash_secret(token))
                for pk, token in zip(ids, tokens, strict=True)
            ]
        )
        headers = {
            "Authorization": f"Bearer {issue_access_token(settings, admin.id)[0]}",
            "X-Tenant-ID": to_global_id("Synagogue", synagogue.id),
        }
        return Fleet(synagogue.id, headers, tokens)
    finally:
        await Tortoise.close_connections()


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class TV:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    async def subscribe(cls, url: str, token: str) -> TV:
        connection = await connect(url, subprotocols=["graphql-transport-ws"], open_timeout=60, max_queue=64)  # type: ignore[list-item]
        tv = cls(connection)
        await connection.send(json.dumps({"type": "connection_init", "payload": {"authorization": f"Device {token}"}}))
        await tv.message("connection_ack")
        await connection.send(json.dumps({"id": "s", "type": "subscribe", "payload": {"query": SCREEN_UPDATED}}))
        await tv.message("next")
        return tv

    async def message(self, kind: str) -> dict[str, Any]:
        while True:
            message: dict[str, Any] = json.loads(await self.connection.recv())
            if message.get("type") == "ping":
                await self.connection.send(json.dumps({"type": "pong"}))
            elif message.get("type") == kind:
                return message
            elif message.get("type") in ("error", "complete"):
                raise RuntimeError(f"subscription ended: {message}")

    async def until_message_shown(self, started: float) -> float:
        while True:
            state = (await self.message("next"))["payload"]["data"]["screenUpdated"]
            if state["messages"]:
                return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def connect_all(urls: list[str], tokens: list[str]) -> list[TV]:
    """TVs subscribed with these tokens, spread evenly over the servers, `CONNECT_BATCH` at a time."""
    tvs: list[TV] = []
    for start in range(0, len(tokens), CONNECT_BATCH):
        batch = tokens[start : start + CONNECT_BATCH]
        tvs += await asyncio.gather(*(TV.subscribe(urls[(start + i) % len(urls)], t) for i, t in enumerate(batch)))
    return tvs


async def run_size(bases: list[str], pids: list[int], owner_url: str, size: int, warm: int) -> dict[str, float]:
    fleet = await seed_fleet(owner_url, size + warm)
    urls = [base.replace("http://", "ws://") + "/graphql" for base in bases]
    warmed = await connect_all(urls, fleet.tokens[:warm])
    await asyncio.sleep(1)
    baseline = [rss_kib(pid) for pid in pids]
    tvs = await connect_all(urls, fleet.tokens[warm:])
    await asyncio.sleep(2)
    idle = [rss_kib(pid) for pid in pids]
    per_subscription = sum(after - before for before, after in zip(baseline, idle, strict=True)) / size

    server_cpu = sum(cpu_seconds(pid) for pid in pids)
    client_cpu = own_cpu_seconds()
    started = time.perf_counter()
    waits = [asyncio.create_task(tv.until_message_shown(started)) for tv in tvs]
    async with httpx.AsyncClient(base_url=bases[0], timeout=60) as client:
        body = {"query": CREATE_MESSAGE, "variables": {"input": {"title": "Fan-out"}}, "operationName": "CreateMessage"}
        answer = (await client.post("/graphql", json=body, headers=fleet.admin_headers)).json()
    if answer.get("errors") or answer["data"]["createMessage"]["userErrors"]:
        raise RuntimeError(f"createMessage failed: {answer}")
    latencies = [seconds * 1000 for seconds in await asyncio.gather(*waits)]
    server_cpu = sum(cpu_seconds(pid) for pid in pids) - server_cpu
    client_cpu = own_cpu_seconds() - client_cpu
    await asyncio.gather(*(tv.connection.close() for tv in tvs + warmed))
    return {
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "max": max(latencies),
        "rss": per_subscription,
        "server_cpu": server_cpu * 1000,
        "client_cpu": client_cpu * 1000,
    }


def table(rows: list[tuple[int, dict[str, float]]]) -> str:
    lines = [
        "| subscribers | p50 ms | p99 ms | max ms | servers' CPU ms | TVs' CPU ms "
        "| RSS per idle subscription (KiB, servers) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in rows:
        lines.append(
            f"| {size:,} | {r['p50']:.1f} | {r['p99']:.1f} | {r['max']:.1f} | {r['server_cpu']:.0f} "
            f"| {r['client_cpu']:.0f} | {r['rss']:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.fanout", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 1000, 2000])
    parser.add_argument("--warm", type=int, default=20, help="TVs subscribed before the memory baseline")
    args = parser.parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))

    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-fanout."))
    database = f"shulgraph_fanout_{uuid.uuid4().hex[:8]}"
    rows: list[tuple[int, dict[str, float]]] = []
    load_before = os.getloadavg()[0]
    with services() as servers:
        env = server_environment(servers.postgres_admin_url, servers.redis_url, database, "WARNING")
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET")})
        asyncio.run(create_database(servers.postgres_admin_url, database))
        try:
            migrate = subprocess.run(
                [sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
            )
            if migrate.returncode != 0:
                raise RuntimeError(f"main.py migrate failed:\n{migrate.stdout}{migrate.stderr[-4000:]}")
            from config import get_settings

            get_settings.cache_clear()
            for size in args.sizes:
                with contextlib.ExitStack() as running:  # two fresh processes for each size
                    urls = [running.enter_context(shulgraph(env, workdir, name=f"api-{size}-{n}")) for n in (1, 2)]
                    bases = [url.removesuffix("/graphql") for url in urls]
                    pids = [PIDS[url] for url in urls]
                    result = asyncio.run(run_size(bases, pids, env["MIGRATIONS_DATABASE_URL"], size, args.warm))
                rows.append((size, result))
                print(f"bench.fanout: {size} subscribers: p99 {result['p99']:.1f} ms", file=sys.stderr)
        finally:
            asyncio.run(drop_database(servers.postgres_admin_url, database))
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; two `main.py serve` "
        f"processes, fresh for each size, on one Redis; TVs split evenly; RSS read after {args.warm} warm-up TVs; "
        f"one createMessage on the first process; latency until each TV shows it; load average before the run "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
