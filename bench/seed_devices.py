"""Devices for the bench tenant: `DEVICES` TVs with working tokens (the heartbeat row rotates over them, as a
fleet reports), and for the first one 30 days of heartbeats, one a minute, with their hourly rollups (the series
rows read them). Written through the owner role: the samples with PostgreSQL's COPY, the rollups summed from them
in one statement, as `services.devices.registry.store_sample` would have left them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import asyncpg

from services.identity.tokens import hash_secret, new_secret
from services.infra.ids import to_global_id

DEVICES = 16
SERIES_DAYS = 30
SERIES_END = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
SERIES_START = SERIES_END - timedelta(days=SERIES_DAYS)


@dataclass(frozen=True)
class SeededDevices:
    device_headers: list[dict[str, str]]
    series_device: str
    """The global id of the device with 30 days of samples."""


async def seed_devices(owner_url: str, tenant_id: int) -> SeededDevices:
    conn = await asyncpg.connect(owner_url)
    try:
        headers, ids = [], []
        for n in range(DEVICES):
            token = new_secret("device")
            device_id = await conn.fetchval(
                "INSERT INTO device (tenant_id, name, location, \"group\", model, resolution, app_version, created_at)"
                " VALUES ($1, $2, '', '', 'BenchTV', '1920x1080', '1.0.0', $3) RETURNING id",
                tenant_id,
                f"Bench TV {n}",
                SERIES_START - timedelta(days=1),
            )
            await conn.execute(
                "INSERT INTO device_identity (device_id, tenant_id, token_hash, issued_at, online)"
                " VALUES ($1, $2, $3, now(), false)",
                device_id,
                tenant_id,
                hash_secret(token),
            )
            headers.append({"Authorization": f"Device {token}"})
            ids.append(device_id)
        minutes = int((SERIES_END - SERIES_START).total_seconds() // 60)
        rows = [
            (tenant_id, ids[0], SERIES_START + timedelta(minutes=m, seconds=20), 20.0 + m % 17, 40.0 + m % 7, 45.0, "")
            for m in range(minutes)
        ]
        await conn.copy_records_to_table(
            "device_heartbeat",
            records=rows,
            columns=["tenant_id", "device_id", "at", "cpu", "memory", "temperature", "app_version"],
        )
        await conn.execute(
            "INSERT INTO device_metric_hour (tenant_id, device_id, hour, samples, cpu_sum, cpu_count, cpu_max,"
            " memory_sum, memory_count, temperature_max, minutes_seen, last_minute)"
            " SELECT tenant_id, device_id, date_trunc('hour', at), count(*), sum(cpu), count(cpu), max(cpu),"
            " sum(memory), count(memory), max(temperature), count(DISTINCT date_trunc('minute', at)), 59"
            " FROM device_heartbeat WHERE device_id = $1 GROUP BY 1, 2, 3",
            ids[0],
        )
    finally:
        await conn.close()
    return SeededDevices(device_headers=headers, series_device=to_global_id("Device", ids[0]))
