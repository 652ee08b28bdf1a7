"""The embedded SQLite's side of the zone-aware series test, run in a process of its own (Tortoise keeps one
configuration per process): `python -m tests.support.zone_series <sqlite file>` migrates a fresh SQLite database,
stores one heartbeat per hour across New York's spring clock change (`SAMPLES`), and prints the DAY and WEEK series
as JSON `{"DAY": [[bucket start, samples, cpu max], ...], "WEEK": [...]}`, bucket starts in the synagogue's zone.
`series_rows` is the same reading for a caller that has the database already."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

ZONE = "America/New_York"
START = datetime(2026, 3, 6, 5, 0, tzinfo=UTC)  # Friday 6 March, 00:00 EST
END = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)  # Tuesday 10 March, 00:00 EDT (clocks went forward on Sunday 8th)
SAMPLES = [START + timedelta(hours=h, minutes=30) for h in range(int((END - START) / timedelta(hours=1)))]


def cpu_at(at: datetime) -> float:
    return float(at.astimezone(ZoneInfo(ZONE)).day * 10 + at.hour % 3)


async def store_samples(device_id: int) -> None:
    from services.devices.registry import Heartbeat, store_sample  # after the settings are set

    for at in SAMPLES:
        await store_sample(device_id, Heartbeat(cpu=cpu_at(at)), at)


async def series_rows(device_id: int) -> dict[str, list[list[Any]]]:
    from services.analytics.fleet import Bucket, metric_series

    zone = ZoneInfo(ZONE)
    found: dict[str, list[list[Any]]] = {}
    for bucket in (Bucket.DAY, Bucket.WEEK):
        points = await metric_series(device_id, START, END, bucket, ZONE)
        found[bucket.value] = [[p.bucket_start.astimezone(zone).isoformat(), p.samples, p.cpu_max] for p in points]
    return found


async def _main(path: str) -> None:
    from tortoise import Tortoise

    from config import get_settings
    from models.base import tenant_scope
    from models.database import tortoise_config
    from models.devices import Device
    from models.synagogue import Synagogue
    from services.infra.migrations import migrate

    settings = get_settings()
    await migrate(settings)
    await Tortoise.init(config=tortoise_config(settings=settings))
    try:
        synagogue = await Synagogue.create(name="Zone", slug="zone", timezone=ZONE, latitude=40.7, longitude=-74.0)
        async with tenant_scope(synagogue.id):
            device = await Device.create(name="TV")
            await store_samples(device.id)
            print(json.dumps(await series_rows(device.id)))
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    os.environ["DATABASE_URL"] = f"sqlite://{sys.argv[1]}"
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("TENANT_DATABASES", None)  # the embedded mode places no synagogue
    asyncio.run(_main(sys.argv[1]))
