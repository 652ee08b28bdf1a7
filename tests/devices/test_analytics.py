"""Fleet analytics: status counts, bucketed metric series, anomalies; tenant-scoped and members-only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.base import tenant_scope
from models.devices import DeviceIdentity
from models.identity import Role
from services.devices import Heartbeat, store_sample
from tests.conftest import GQL, Factory, error_codes
from tests.devices.helpers import make_tv

START = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


async def _beats(tenant_id: int, device_id: int, values: list[tuple[int, float, float, float]]) -> None:
    async with tenant_scope(tenant_id):
        for minute, cpu, memory, temperature in values:
            beat = Heartbeat(cpu=cpu, memory=memory, temperature=temperature)
            await store_sample(device_id, beat, START + timedelta(minutes=minute))


async def test_fleet_summary_counts_by_status(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tenant = viewer.tenant
    online = await make_tv(tenant)  # type: ignore[arg-type]
    offline = await make_tv(tenant)  # type: ignore[arg-type]
    await make_tv(tenant)  # type: ignore[arg-type]
    await make_tv(await factory.tenant())
    now = datetime.now(UTC)
    await DeviceIdentity.filter(device_id=online.device.id).update(last_seen_at=now)
    await DeviceIdentity.filter(device_id=offline.device.id).update(last_seen_at=now - timedelta(hours=1))
    result = await gql.op("FleetSummary", actor=viewer)
    assert result["data"]["fleetSummary"] == {"total": 3, "online": 1, "offline": 1, "neverSeen": 1}, result
    assert error_codes(await gql.op("FleetSummary", headers=online.headers)) == ["FORBIDDEN"]


async def test_metric_series_buckets_the_heartbeats(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)  # type: ignore[arg-type]
    await _beats(viewer.tenant.id, tv.device.id, [(0, 10, 50, 40), (30, 30, 70, 60), (70, 5, 20, 41)])  # type: ignore[union-attr]
    variables = {
        "deviceId": tv.gid,
        "from": START.isoformat(),
        "to": (START + timedelta(hours=3)).isoformat(),
        "bucket": "HOUR",
    }
    result = await gql.op("DeviceMetricSeries", variables, actor=viewer)
    series = result["data"]["deviceMetricSeries"]
    assert [(datetime.fromisoformat(p["bucketStart"]), p["samples"]) for p in series] == [
        (START, 2),
        (START + timedelta(hours=1), 1),
    ]
    assert series[0] == {
        **series[0],
        "cpuAvg": 20.0,
        "cpuMax": 30.0,
        "memoryAvg": 60.0,
        "temperatureMax": 60.0,
    }
    too_fine = {**variables, "bucket": "MINUTE", "to": (START + timedelta(days=30)).isoformat()}
    assert error_codes(await gql.op("DeviceMetricSeries", too_fine, actor=viewer)) == ["BAD_USER_INPUT"]

    stranger = await factory.member(role=Role.OWNER)
    assert error_codes(await gql.op("DeviceMetricSeries", variables, actor=stranger)) == ["NOT_FOUND"]


async def test_anomalies_flag_outliers_of_own_devices(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant, "Hot TV")  # type: ignore[arg-type]
    steady = [(m, 10.0 + m % 2, 40.0, 45.0 + m % 2) for m in range(20)]
    await _beats(viewer.tenant.id, tv.device.id, [*steady, (20, 11.0, 40.0, 95.0)])  # type: ignore[union-attr]
    stranger = await factory.member(role=Role.VIEWER)
    other = await make_tv(stranger.tenant)  # type: ignore[arg-type]
    await _beats(stranger.tenant.id, other.device.id, [*steady, (20, 99.0, 40.0, 45.0)])  # type: ignore[union-attr]
    window = {"from": START.isoformat(), "to": (START + timedelta(hours=1)).isoformat()}
    found = (await gql.op("Anomalies", window, actor=viewer))["data"]["anomalies"]
    assert [(a["device"]["name"], a["metric"], a["value"]) for a in found] == [("Hot TV", "TEMPERATURE", 95.0)]
    assert found[0]["score"] >= 3
    assert error_codes(await gql.op("Anomalies", window)) == ["UNAUTHENTICATED"]
