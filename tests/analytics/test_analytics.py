"""Fleet analytics: status counts, bucketed metric series, anomalies (found by the worker's step, then read),
uptime; tenant-scoped and members-only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg

from config import Settings
from models.analytics import DeviceAnomaly
from models.base import tenant_scope
from models.devices import DeviceIdentity
from models.identity import Role
from services.analytics.anomalies import queue_detection
from services.devices.registry import Heartbeat, store_sample
from services.infra.ids import to_global_id
from services.outbox.schedule import slot_of
from services.outbox.worker import run_pending
from tests.support.actors import Factory
from tests.support.analytics import beats, find
from tests.support.devices import make_tv
from tests.support.documents import trusted
from tests.support.graphql import GQL, answer, error_codes
from tests.support.snapshot import unchanged

START = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
HOUR = {"from": START.isoformat(), "to": (START + timedelta(hours=1)).isoformat()}
STEADY_THEN_HOT = [*((m, 10.0 + m % 2, 40.0, 45.0 + m % 2) for m in range(20)), (20, 11.0, 40.0, 95.0)]
UPTIME = trusted("FleetUptime").text
OWN_UPTIME = "query($from: DateTime!, $to: DateTime!) { currentDevice { id uptime(from: $from, to: $to) { share } } }"
SLOT = START + timedelta(minutes=21)
"""The anomaly slot that scores the last five minutes of the samples above."""


async def _beats(tenant_id: int, device_id: int, values: list[tuple[int, float, float, float]]) -> None:
    async with tenant_scope(tenant_id):
        for minute, cpu, memory, temperature in values:
            beat = Heartbeat(cpu=cpu, memory=memory, temperature=temperature)
            await store_sample(device_id, beat, START + timedelta(minutes=minute))


async def test_fleet_summary_counts_by_status(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tenant = viewer.tenant
    online = await make_tv(tenant)
    offline = await make_tv(tenant)
    await make_tv(tenant)
    await make_tv(await factory.tenant())
    now = datetime.now(UTC)
    await DeviceIdentity.filter(device_id=online.device.id).update(last_seen_at=now)
    await DeviceIdentity.filter(device_id=offline.device.id).update(last_seen_at=now - timedelta(hours=1))
    result = await gql.op("FleetSummary", actor=viewer)
    assert result["data"]["fleetSummary"] == {"total": 3, "online": 1, "offline": 1, "neverSeen": 1}, result
    assert error_codes(await gql.op("FleetSummary", headers=online.headers)) == ["FORBIDDEN"]


async def test_metric_series_buckets_the_heartbeats(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)
    await _beats(viewer.tenant.id, tv.device.id, [(0, 10, 50, 40), (30, 30, 70, 60), (70, 5, 20, 41)])
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
    tv = await make_tv(viewer.tenant, "Hot TV")
    steady = [(m, 10.0 + m % 2, 40.0, 45.0 + m % 2) for m in range(20)]
    await _beats(viewer.tenant.id, tv.device.id, [*steady, (20, 11.0, 40.0, 95.0)])
    stranger = await factory.member(role=Role.VIEWER)
    other = await make_tv(stranger.tenant)
    await _beats(stranger.tenant.id, other.device.id, [*steady, (20, 99.0, 40.0, 45.0)])
    assert await find(viewer.tenant.id, SLOT) == 1
    assert await find(viewer.tenant.id, SLOT) == 0, "found again, stored once"
    await find(stranger.tenant.id, SLOT)
    window = {"from": START.isoformat(), "to": (START + timedelta(hours=1)).isoformat()}
    found = (await gql.op("Anomalies", window, actor=viewer))["data"]["anomalies"]
    assert [(a["device"]["name"], a["metric"], a["value"]) for a in found] == [("Hot TV", "TEMPERATURE", 95.0)]
    assert found[0]["score"] >= 3.5
    assert error_codes(await gql.op("Anomalies", window)) == ["UNAUTHENTICATED"]


async def test_cross_tenant_analytics_read_nothing_of_another_synagogues_devices(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    other = await factory.member(role=Role.OWNER)
    theirs = await make_tv(other.tenant, "Their hot TV")
    await _beats(other.tenant.id, theirs.device.id, STEADY_THEN_HOT)
    await find(other.tenant.id, SLOT)
    assert (await gql.op("Anomalies", HOUR, actor=other))["data"]["anomalies"], "their own admin sees it"

    async with unchanged(owner_db, viewer, other):
        series = {**HOUR, "deviceId": theirs.gid, "bucket": "HOUR"}
        foreign = await gql.op("DeviceMetricSeries", series, actor=viewer)
        absent = {**series, "deviceId": to_global_id("Device", 10**9)}
        missing = await gql.op("DeviceMetricSeries", absent, actor=viewer)
        assert error_codes(foreign) == ["NOT_FOUND"] and answer(foreign) == answer(missing)
        assert (await gql.op("Anomalies", HOUR, actor=viewer))["data"]["anomalies"] == []
        fleet = (await gql.op("FleetSummary", actor=viewer))["data"]["fleetSummary"]
        assert fleet == {"total": 0, "online": 0, "offline": 0, "neverSeen": 0}
        theirs_up = await gql(trusted("DeviceUptime").text, {"id": theirs.gid, **HOUR}, actor=viewer)
        assert theirs_up["data"]["node"] is None
        uptime = (await gql(UPTIME, HOUR, actor=viewer))["data"]["fleetSummary"]["uptime"]
        assert (uptime["minutesSeen"], uptime["devices"]["edges"]) == (0, [])
        named = await gql(UPTIME, HOUR, actor=viewer, tenant=other.tenant)
        assert error_codes(named) == ["FORBIDDEN"] and named["data"] is None

        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        for name, variables in (("FleetSummary", None), ("Anomalies", HOUR), ("DeviceMetricSeries", series)):
            named = await gql.op(name, variables, actor=viewer, tenant=other.tenant)
            assert error_codes(named) == ["FORBIDDEN"], name
            assert answer(named) == answer(await gql.op(name, variables, actor=viewer, headers=nowhere)), name


async def test_missing_role_devices_outsiders_and_anonymous_callers_read_no_analytics(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    tv = await make_tv(owner.tenant, "Hot TV")
    await _beats(owner.tenant.id, tv.device.id, STEADY_THEN_HOT)
    stranger = await factory.user()
    outsider = {"Authorization": f"Bearer {factory.token(stranger)}", "X-Tenant-ID": owner.tenant_gid}
    series = {**HOUR, "deviceId": tv.gid, "bucket": "HOUR"}
    operations = (("FleetSummary", None), ("Anomalies", HOUR), ("DeviceMetricSeries", series), ("FleetUptime", HOUR))
    async with unchanged(owner_db, owner):
        own = await gql(OWN_UPTIME, HOUR, headers=tv.headers)  # a screen reads its own device, not its uptime
        assert error_codes(own) == ["FORBIDDEN"] and own["data"]["currentDevice"]["uptime"] is None
        for name, variables in operations:
            text = trusted(name).text
            assert "errors" not in await gql(text, variables, actor=owner), name
            for headers, code in ((tv.headers, "FORBIDDEN"), (outsider, "FORBIDDEN"), ({}, "UNAUTHENTICATED")):
                refused = await gql(text, variables, headers=headers)
                assert error_codes(refused) == [code], (name, headers)
                assert refused["data"] is None, refused


async def test_uptime_is_the_share_of_minutes_with_a_heartbeat_per_device_and_for_the_fleet(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tenant = viewer.tenant
    assert tenant is not None
    steady, flaky = await make_tv(tenant, "Steady TV"), await make_tv(tenant, "Flaky TV")
    revoked = await make_tv(tenant, "Revoked TV")
    start = datetime(2026, 4, 1, 8, 0, tzinfo=UTC)
    await owner_db.execute(
        "UPDATE device SET created_at = $1 WHERE id = ANY($2::int[])",
        start - timedelta(days=2),
        [steady.device.id, flaky.device.id, revoked.device.id],
    )
    await owner_db.execute("UPDATE device SET revoked_at = now() WHERE id = $1", revoked.device.id)
    async with tenant_scope(tenant.id):
        for minute in range(90):  # twice a minute: each minute counts once
            for second in (5, 35):
                at = start + timedelta(minutes=minute, seconds=second)
                await store_sample(steady.device.id, Heartbeat(cpu=1), at)
        for minute in range(0, 120, 4):
            await store_sample(flaky.device.id, Heartbeat(cpu=1), start + timedelta(minutes=minute))
    window = {"from": start.isoformat(), "to": (start + timedelta(hours=2)).isoformat()}
    result = await gql(UPTIME, window, actor=viewer)
    uptime = result["data"]["fleetSummary"]["uptime"]
    assert (uptime["share"], uptime["minutesSeen"], uptime["minutes"]) == (0.5, 120, 240)
    edges = uptime["devices"]["edges"]
    rows = [(e["node"]["device"]["name"], e["node"]["share"], e["node"]["minutesSeen"]) for e in edges]
    assert rows == [("Flaky TV", 0.25, 30), ("Steady TV", 0.75, 90)]
    one = await gql(trusted("DeviceUptime").text, {"id": flaky.gid, **window}, actor=viewer)
    assert one["data"]["node"]["uptime"] == {"share": 0.25, "minutesSeen": 30, "minutes": 120}
    year = {"from": start.isoformat(), "to": (start + timedelta(days=500)).isoformat()}
    assert error_codes(await gql(UPTIME, year, actor=viewer)) == ["BAD_USER_INPUT"]


async def test_the_anomaly_slot_runs_as_a_job_and_finds_the_planted_spike_and_nothing_else(
    factory: Factory, settings: Settings
) -> None:
    tenant = await factory.tenant()
    tv, calm = await make_tv(tenant, "Spiky TV"), await make_tv(tenant, "Calm TV")
    slot = slot_of(datetime.now(UTC), settings.anomaly_interval_seconds)
    before = slot - timedelta(minutes=60)
    noisy = [(m, {"cpu": 20.0 + (m * 7) % 5, "memory": 50.0 + m % 3}) for m in range(58)]
    await beats(tenant.id, tv.device.id, before, [*noisy, (58, {"cpu": 97.0, "memory": 51.0})])
    await beats(tenant.id, calm.device.id, before, noisy)
    await DeviceIdentity.filter(device_id__in=[tv.device.id, calm.device.id]).update(last_seen_at=slot)
    await queue_detection(settings, slot)
    await run_pending()
    async with tenant_scope(tenant.id):
        found = await DeviceAnomaly.all().values_list("device_id", "metric", "value")
    assert found == [(tv.device.id, "CPU", 97.0)]
