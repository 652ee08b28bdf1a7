"""`python -m bench.series`: the time of a 30-day series for one device with one heartbeat a minute (43,200 samples,
720 hourly rollups), in-process (the service itself, no HTTP), per bucket: HOUR, DAY and WEEK (the last two grouped
in PostgreSQL by the synagogue's zone). Prints the median and the slowest of `--runs` calls; no assertion.

The same series over HTTP is the `DeviceMetricSeries 30d HOUR` row of `python -m bench` (scripts/bench).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid

from tortoise import Tortoise

from bench.__main__ import create_database, drop_database, server_environment
from bench.seed import seed
from bench.seed_devices import SERIES_END, SERIES_START
from bench.services import services
from config import ROOT, get_settings
from models.base import tenant_scope
from models.database import tortoise_config
from services.analytics.fleet import Bucket, metric_series
from services.infra.ids import from_global_id


async def measure(app_url: str, tenant_id: int, device_gid: str, runs: int) -> list[tuple[str, int, float, float]]:
    await Tortoise.init(config=tortoise_config(app_url, get_settings()))
    parsed = from_global_id(device_gid)
    assert parsed is not None
    found = []
    try:
        for bucket in (Bucket.HOUR, Bucket.DAY, Bucket.WEEK):
            times = []
            points = 0
            for _ in range(runs):
                began = time.perf_counter()
                async with tenant_scope(tenant_id):
                    points = len(await metric_series(parsed[1], SERIES_START, SERIES_END, bucket, "America/New_York"))
                times.append((time.perf_counter() - began) * 1000)
            found.append((bucket.value, points, statistics.median(times), max(times)))
    finally:
        await Tortoise.close_connections()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.series", description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    database = f"shulgraph_bench_{uuid.uuid4().hex[:8]}"
    with services() as servers:
        env = server_environment(servers.postgres_admin_url, servers.redis_url, database, 0, "WARNING")
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "MIGRATIONS_DATABASE_URL", "JWT_SECRET", "ENVIRONMENT")})
        get_settings.cache_clear()
        asyncio.run(create_database(servers.postgres_admin_url, database))
        try:
            migrate = subprocess.run(
                [sys.executable, "main.py", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
            )
            if migrate.returncode != 0:
                raise RuntimeError(f"main.py migrate failed:\n{migrate.stderr[-4000:]}")
            seeded = asyncio.run(seed(env["MIGRATIONS_DATABASE_URL"]))
            rows = asyncio.run(measure(env["DATABASE_URL"], seeded.tenant_id, seeded.devices.series_device, args.runs))
        finally:
            asyncio.run(drop_database(servers.postgres_admin_url, database))
    print(
        f"\n{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; 30 days of one sample a "
        f"minute for one device; {args.runs} calls per bucket, in-process as the application role; load average "
        f"{os.getloadavg()[0]:.1f}\n"
    )
    print("| bucket | points | median ms | slowest ms |\n|---|---:|---:|---:|")
    for bucket, points, median, slowest in rows:
        print(f"| {bucket} | {points} | {median:.1f} | {slowest:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
