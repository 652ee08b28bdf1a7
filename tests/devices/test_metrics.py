"""The heartbeat series stays bounded: hourly aggregates for long ranges, raw samples pruned, pages with a range."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from models.base import tenant_scope
from models.devices import DeviceHeartbeat, DeviceMetricHour
from models.identity import Role
from services.devices.registry import MAX_SAMPLES_PER_HOUR, Heartbeat, hour_of, store_sample
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, answer, error_codes
from tests.support.snapshot import unchanged

HEARTBEATS = """
query($id: ID!, $from: DateTime!, $to: DateTime!, $after: String) {
  node(id: $id) {
    ... on Device {
      heartbeats(from: $from, to: $to, first: 2, after: $after) {
        edges { node { at cpu memory temperature uptimeSeconds appVersion } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}"""


async def _store(tenant_id: int, tv: TV, *samples: tuple[datetime, float]) -> None:
    async with tenant_scope(tenant_id):
        for at, cpu in samples:
            await store_sample(tv.device.id, Heartbeat(cpu=cpu, memory=50, temperature=cpu / 2), at)


def _series(tv: TV, start: datetime, end: datetime, bucket: str) -> dict[str, Any]:
    return {"deviceId": tv.gid, "from": start.isoformat(), "to": end.isoformat(), "bucket": bucket}


async def test_old_samples_are_pruned_and_long_ranges_read_hourly_aggregates(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tenant_id = viewer.tenant.id
    tv = await make_tv(viewer.tenant)
    now = hour_of(datetime.now(UTC)) + timedelta(minutes=30)
    await _store(
        tenant_id,
        tv,
        (now - timedelta(days=500), 90),
        (now - timedelta(days=40), 80),
        (now - timedelta(hours=2, minutes=10), 10),
        (now - timedelta(hours=2), 30),
        (now, 20),
    )
    async with tenant_scope(tenant_id):
        raw = sorted(row.cpu or 0 for row in await DeviceHeartbeat.filter(device_id=tv.device.id))
        hours = await DeviceMetricHour.filter(device_id=tv.device.id).order_by("hour")
    assert raw == [10, 20, 30]  # raw samples older than 30 days are gone
    assert [h.hour for h in hours] == [
        hour_of(now - timedelta(days=40)),
        hour_of(now - timedelta(hours=2)),
        hour_of(now),
    ]
    assert [(h.samples, h.cpu_max, h.cpu_sum, h.temperature_max) for h in hours] == [
        (1, 80, 80, 40),
        (2, 30, 40, 15),
        (1, 20, 20, 10),
    ]

    year = await gql.op(
        "DeviceMetricSeries", _series(tv, now - timedelta(days=365), now + timedelta(hours=1), "DAY"), actor=viewer
    )
    days = year["data"]["deviceMetricSeries"]
    assert sum(p["samples"] for p in days) == 4 and days[0]["cpuMax"] == 80.0, year
    hourly = await gql.op(
        "DeviceMetricSeries", _series(tv, now - timedelta(hours=3), now + timedelta(hours=1), "HOUR"), actor=viewer
    )
    assert [(p["samples"], p["cpuAvg"], p["cpuMax"], p["memoryAvg"]) for p in hourly["data"]["deviceMetricSeries"]] == [
        (2, 20.0, 30.0, 50.0),
        (1, 20.0, 20.0, 50.0),
    ]
    too_many = _series(tv, now - timedelta(days=2), now, "MINUTE")
    assert error_codes(await gql.op("DeviceMetricSeries", too_many, actor=viewer)) == ["BAD_USER_INPUT"]
    week = {"from": (now - timedelta(days=8)).isoformat(), "to": now.isoformat()}
    assert error_codes(await gql.op("Anomalies", week, actor=viewer)) == ["BAD_USER_INPUT"]


async def test_heartbeats_page_through_a_time_range(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)
    start = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    await _store(viewer.tenant.id, tv, *[(start + timedelta(seconds=30 * i), float(i)) for i in range(4)])
    window = {
        "id": tv.gid,
        "from": (start + timedelta(seconds=30)).isoformat(),
        "to": (start + timedelta(minutes=5)).isoformat(),
    }
    first = (await gql(HEARTBEATS, window, actor=viewer))["data"]["node"]["heartbeats"]
    assert [e["node"]["cpu"] for e in first["edges"]] == [3.0, 2.0] and first["pageInfo"]["hasNextPage"]
    assert first["edges"][0]["node"] == {
        "at": first["edges"][0]["node"]["at"],
        "cpu": 3.0,
        "memory": 50.0,
        "temperature": 1.5,
        "uptimeSeconds": None,
        "appVersion": None,
    }
    rest = (await gql(HEARTBEATS, {**window, "after": first["pageInfo"]["endCursor"]}, actor=viewer))["data"]
    assert [e["node"]["cpu"] for e in rest["node"]["heartbeats"]["edges"]] == [1.0]
    assert rest["node"]["heartbeats"]["pageInfo"]["hasNextPage"] is False

    backwards = {**window, "to": window["from"]}
    assert error_codes(await gql(HEARTBEATS, backwards, actor=viewer)) == ["BAD_USER_INPUT"]
    stranger = await factory.member(role=Role.OWNER)
    assert (await gql(HEARTBEATS, window, actor=stranger))["data"]["node"] is None
    own = await gql(HEARTBEATS, window, headers=tv.headers)
    assert error_codes(own) == ["FORBIDDEN"] and own["data"]["node"]["heartbeats"] is None


async def test_an_hour_keeps_a_bounded_number_of_samples(factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant)
    at = datetime(2026, 7, 1, 9, 15, tzinfo=UTC)
    async with tenant_scope(tenant.id):
        assert await store_sample(tv.device.id, Heartbeat(cpu=5), at)
        await DeviceMetricHour.filter(device_id=tv.device.id).update(samples=MAX_SAMPLES_PER_HOUR - 1)
        assert await store_sample(tv.device.id, Heartbeat(cpu=7), at + timedelta(seconds=1))
        assert not await store_sample(tv.device.id, Heartbeat(cpu=99), at + timedelta(seconds=2))
        assert await store_sample(tv.device.id, Heartbeat(cpu=9), at + timedelta(hours=1))
        raw = sorted(row.cpu or 0 for row in await DeviceHeartbeat.filter(device_id=tv.device.id))
        hours = await DeviceMetricHour.filter(device_id=tv.device.id).order_by("hour")
    assert raw == [5, 7, 9]
    assert [(h.samples, h.cpu_max) for h in hours] == [(MAX_SAMPLES_PER_HOUR, 7), (1, 9)]


async def _recent_sample(tenant_id: int, tv: TV) -> dict[str, Any]:
    """One stored sample of an hour ago, and the heartbeats window around it."""
    at = hour_of(datetime.now(UTC)) - timedelta(hours=1)
    await _store(tenant_id, tv, (at, 42.0))
    around = (at - timedelta(minutes=5), at + timedelta(minutes=5))
    return {"id": tv.gid, "from": around[0].isoformat(), "to": around[1].isoformat()}


async def test_cross_tenant_a_foreign_devices_heartbeats_read_like_a_missing_device(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    stranger = await factory.member(role=Role.OWNER)
    tv = await make_tv(owner.tenant)
    window = await _recent_sample(owner.tenant.id, tv)
    own = (await gql(HEARTBEATS, window, actor=owner))["data"]["node"]["heartbeats"]
    assert [e["node"]["cpu"] for e in own["edges"]] == [42.0]

    async with unchanged(owner_db, owner, stranger):
        missing = to_global_id("Device", 10**9)
        foreign = await gql(HEARTBEATS, window, actor=stranger)
        assert foreign["data"]["node"] is None
        assert answer(foreign) == answer(await gql(HEARTBEATS, {**window, "id": missing}, actor=stranger))
        series = {"deviceId": tv.gid, "from": window["from"], "to": window["to"], "bucket": "DAY"}
        foreign = await gql.op("DeviceMetricSeries", series, actor=stranger)
        ghost = await gql.op("DeviceMetricSeries", {**series, "deviceId": missing}, actor=stranger)
        assert error_codes(foreign) == ["NOT_FOUND"] and answer(foreign) == answer(ghost)
        named = await gql(HEARTBEATS, window, actor=stranger, tenant=owner.tenant)
        unknown_synagogue = {"X-Tenant-ID": to_global_id("Synagogue", 10**9)}
        nowhere = await gql(HEARTBEATS, window, actor=stranger, headers=unknown_synagogue)
        assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(nowhere)


async def test_missing_role_a_device_or_anonymous_caller_reads_no_heartbeats(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER)
    tv = await make_tv(owner.tenant)
    window = await _recent_sample(owner.tenant.id, tv)
    async with unchanged(owner_db, owner):
        own = await gql(HEARTBEATS, window, headers=tv.headers)  # a device is no member, not even of its own series
        assert error_codes(own) == ["FORBIDDEN"] and own["data"] == {"node": {"heartbeats": None}}
        series = {"deviceId": tv.gid, "from": window["from"], "to": window["to"], "bucket": "DAY"}
        refused = await gql.op("DeviceMetricSeries", series, headers=tv.headers)
        assert error_codes(refused) == ["FORBIDDEN"] and refused["data"] is None
        anonymous = await gql(HEARTBEATS, window, headers={"X-Tenant-ID": owner.tenant_gid})
        assert error_codes(anonymous) == ["UNAUTHENTICATED"] and anonymous["data"] is None
        assert (await gql(HEARTBEATS, window))["data"] == {"node": None}
