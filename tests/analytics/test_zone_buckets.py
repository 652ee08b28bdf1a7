"""DAY and WEEK buckets are the synagogue's days and weeks (from Sunday), across a daylight-saving change, and the
embedded SQLite gives the same answers as PostgreSQL (which groups in the database): the same heartbeats are stored
on both and their series compared, bucket by bucket, with what New York's calendar says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from config import ROOT
from models.base import tenant_scope
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.zone_series import ZONE, series_rows, store_samples

EXPECTED = {
    "DAY": [
        ["2026-03-06T00:00:00-05:00", 24],
        ["2026-03-07T00:00:00-05:00", 24],
        ["2026-03-08T00:00:00-05:00", 23],  # clocks went forward at 02:00
        ["2026-03-09T00:00:00-04:00", 24],
    ],
    "WEEK": [["2026-03-01T00:00:00-05:00", 48], ["2026-03-08T00:00:00-05:00", 47]],
}


def _sqlite_series(tmp_path: Path) -> dict[str, list[list[object]]]:
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "MIGRATIONS_DATABASE_URL"}
    }
    environment["DATA_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.zone_series", str(tmp_path / "zone.sqlite3")],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    series: dict[str, list[list[object]]] = json.loads(done.stdout.strip().splitlines()[-1])
    return series


async def test_day_and_week_buckets_follow_the_synagogues_zone_across_dst_on_both_databases(
    factory: Factory, tmp_path: Path
) -> None:
    tenant = await factory.tenant(timezone=ZONE)
    tv = await make_tv(tenant)
    async with tenant_scope(tenant.id):
        await store_samples(tv.device.id)
        postgres = await series_rows(tv.device.id)
    assert {bucket: [row[:2] for row in rows] for bucket, rows in postgres.items()} == EXPECTED
    assert postgres["DAY"][2][2] == 82.0  # the highest cpu of the short day: day 8, hour % 3 == 2
    assert _sqlite_series(tmp_path) == postgres
