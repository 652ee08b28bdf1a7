"""`python -m bench.fleet`: fleet operations measured on their own server and database (scripts/bench starts the
servers it needs the same way): heartbeats accepted per second over HTTP (`ReportDeviceHeartbeat`, 16 devices
reporting in turn, loaded with wrk), and the time of a 30-day series of one device with one heartbeat a minute
(43,200 samples, 720 hourly rollups): over HTTP (`DeviceMetricSeries`, HOUR buckets) and in-process per bucket
(HOUR, DAY, WEEK; the last two grouped by PostgreSQL in the synagogue's zone). Prints tables; asserts nothing.
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
from pathlib import Path

import asyncpg
from tortoise import Tortoise

from bench import servers, stats, wrk
from bench.scenarios import Scenario
from bench.seed_devices import SERIES_END, SERIES_START, SeededDevices, seed_devices
from bench.services import services
from config import ROOT, get_settings
from models.base import tenant_scope
from models.database import tortoise_config
from services.analytics.fleet import Bucket, metric_series
from services.identity.tokens import issue_access_token
from services.infra.ids import from_global_id, to_global_id
from tests.support.documents import client_document

ZONE = "America/New_York"


async def seed(owner_url: str) -> tuple[int, dict[str, str], SeededDevices]:
    """A synagogue, its owner (headers with a fresh access token) and its devices."""
    conn = await asyncpg.connect(owner_url)
    try:
        tenant_id = await conn.fetchval(
            "INSERT INTO synagogue (name, slug, timezone, latitude, longitude, elevation, in_israel,"
            " candle_lighting_minutes, havdalah_opinion, use_elevation, created_at, updated_at)"
            " VALUES ('Fleet', $1, $2, 40.7, -74.0, 0, false, 18, 'DEGREES_8_5', false, now(), now()) RETURNING id",
            f"fleet-{uuid.uuid4().hex[:8]}",
            ZONE,
        )
        user_id = await conn.fetchval(
            "INSERT INTO app_user (email, display_name, password_hash, is_platform_admin, failed_logins,"
            " password_changed_at, theme, language, created_at)"
            " VALUES ($1, 'Owner', 'not-a-hash', false, 0, now(), 'system', 'en', now()) RETURNING id",
            f"owner-{uuid.uuid4().hex[:8]}@bench.example.org",
        )
        await conn.execute(
            "INSERT INTO membership (user_id, synagogue_id, role, created_at) VALUES ($1, $2, 40, now())",
            user_id,
            tenant_id,
        )
    finally:
        await conn.close()
    token = issue_access_token(get_settings(), user_id)[0]
    owner = {"Authorization": f"Bearer {token}", "X-Tenant-ID": to_global_id("Synagogue", tenant_id)}
    return tenant_id, owner, await seed_devices(owner_url, tenant_id)


async def in_process(app_url: str, tenant_id: int, device_gid: str, runs: int) -> list[tuple[str, int, float, float]]:
    await Tortoise.init(config=tortoise_config(app_url, get_settings()))
    parsed = from_global_id(device_gid)
    assert parsed is not None
    found = []
    try:
        for bucket in (Bucket.HOUR, Bucket.DAY, Bucket.WEEK):
            times, points = [], 0
            for _ in range(runs):
                began = time.perf_counter()
                async with tenant_scope(tenant_id):
                    points = len(await metric_series(parsed[1], SERIES_START, SERIES_END, bucket, ZONE))
                times.append((time.perf_counter() - began) * 1000)
            found.append((bucket.value, points, statistics.median(times), max(times)))
    finally:
        await Tortoise.close_connections()
    return found


def scenarios(owner: dict[str, str], devices: SeededDevices) -> list[Scenario]:
    series = {"deviceId": devices.series_device, "from": SERIES_START.isoformat(), "to": SERIES_END.isoformat()}
    return [
        Scenario(
            "ReportDeviceHeartbeat",
            client_document("ReportDeviceHeartbeat"),
            {"input": {"cpu": 23.5, "memory": 41.0, "temperature": 48.0, "appVersion": "1.0.0"}},
            rotate=devices.device_headers,
        ),
        Scenario(
            "DeviceMetricSeries_30d_HOUR",
            client_document("DeviceMetricSeries"),
            {**series, "bucket": "HOUR"},
            owner,
            operation="DeviceMetricSeries",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.fleet", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--seconds", type=int, default=10, help="measured duration per HTTP row")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--runs", type=int, default=20, help="in-process series calls per bucket")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="shulgraph-bench-fleet."))
    database = f"shulgraph_bench_{uuid.uuid4().hex[:8]}"
    rows: list[wrk.Result] = []
    with services() as found:
        env = stats.server_environment(found.postgres_admin_url, found.redis_url, database, "WARNING")
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        get_settings.cache_clear()
        asyncio.run(stats.create_database(found.postgres_admin_url, database))
        try:
            migrate = subprocess.run(
                [sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
            )
            if migrate.returncode != 0:
                raise RuntimeError(f"main.py migrate failed:\n{migrate.stderr[-4000:]}")
            tenant_id, owner, devices = asyncio.run(seed(env["MIGRATIONS_DATABASE_URL"]))
            with servers.shulgraph(env, workdir) as url:
                for scenario in scenarios(owner, devices):
                    rows.append(wrk.run(scenario, url, workdir, args.seconds, args.connections, 1))
            series = asyncio.run(in_process(env["DATABASE_URL"], tenant_id, devices.series_device, args.runs))
        finally:
            asyncio.run(stats.drop_database(found.postgres_admin_url, database))
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; one uvicorn worker; "
        f"wrk 1 thread, {args.connections} connections, {args.seconds}s per row; load average before the run "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f}\n"
    )
    print("| operation | requests/s | p50 ms | p90 ms | p99 ms | requests | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r.name} | {r.per_second:,.0f} | {r.p50_ms:.2f} | {r.p90_ms:.2f} | {r.p99_ms:.2f} | {r.requests:,} "
              f"| {r.errors} |")  # fmt: skip
    print(f"\n30 days of one heartbeat a minute, in-process as the application role, {args.runs} calls per bucket:\n")
    print("| bucket | points | median ms | slowest ms |\n|---|---:|---:|---:|")
    for bucket, points, median, slowest in series:
        print(f"| {bucket} | {points} | {median:.1f} | {slowest:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
