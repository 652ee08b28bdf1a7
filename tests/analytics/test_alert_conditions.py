"""The other kinds of alert rule, read by the worker's evaluation (no GraphQL here: the API's side of rules and
alerts is tests/analytics/test_alerts.py): a metric below its threshold (free storage) with hysteresis, a gap
between heartbeats, an anomaly score, an app version behind its channel; and a rule's target (a group, one
device) decides which devices it watches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models.analytics import Alert, AlertKind, AlertMetric, AlertStatus, AlertTarget, DeviceAnomaly
from models.base import tenant_scope
from models.devices import ReleaseChannel, SoftwareRelease
from models.synagogue import Synagogue
from services.analytics.rules import RuleValues, create_rule
from services.devices.registry import Heartbeat, record_heartbeat
from tests.support.actors import Factory
from tests.support.analytics import beats, evaluate_rules
from tests.support.devices import TV, make_tv

START = datetime(2026, 6, 7, 8, 0, tzinfo=UTC)


async def _rule(tenant: Synagogue, values: RuleValues) -> None:
    async with tenant_scope(tenant.id):
        rule, problems = await create_rule(values)
    assert rule is not None, problems


async def _open(tenant: Synagogue) -> list[tuple[int, str]]:
    async with tenant_scope(tenant.id):
        rows = await Alert.filter(status=AlertStatus.OPEN).select_related("device").order_by("id")
    return [(row.device_id, row.message) for row in rows]


async def _at(tenant: Synagogue, tv: TV, minute: float, **values: Any) -> dict[str, int]:
    """One heartbeat at `minute`, then an evaluation just after it."""
    await beats(tenant.id, tv.device.id, START, [(minute, values)])
    return await evaluate_rules(tenant.id, START + timedelta(minutes=minute, seconds=20))


async def _run(tenant: Synagogue, tv: TV, first: int, values: list[dict[str, Any]]) -> dict[str, int]:
    """A heartbeat a minute from `first`, each followed by an evaluation; what all of them opened and resolved."""
    total = {"opened": 0, "resolved": 0}
    for minute, sample in enumerate(values, start=first):
        counts = await _at(tenant, tv, minute, **sample)
        total = {key: total[key] + counts[key] for key in total}
    return total


async def test_free_storage_below_its_threshold_opens_and_resolves_past_the_hysteresis(factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant, "Kiosk")
    low = RuleValues("Low storage", AlertKind.METRIC_BELOW, 500, metric=AlertMetric.FREE_STORAGE, duration_minutes=3,
                     hysteresis=200)  # fmt: skip
    await _rule(tenant, low)

    def free(*megabytes: float) -> list[dict[str, Any]]:
        return [{"free_storage_mb": mb} for mb in megabytes]

    assert await _run(tenant, tv, 0, free(900, 450, 400, 350)) == {"opened": 0, "resolved": 0}  # not 3 minutes yet
    assert await _run(tenant, tv, 4, free(300)) == {"opened": 1, "resolved": 0}
    [(_, message)] = await _open(tenant)
    assert "free storage of Kiosk below 500 MB for 3 minutes (now 300 MB)" in message
    assert await _run(tenant, tv, 5, free(550, 600, 650, 690, 600)) == {"opened": 0, "resolved": 0}  # not past 700
    assert await _run(tenant, tv, 10, free(800, 850, 900, 950, 990)) == {"opened": 0, "resolved": 1}


async def test_a_gap_between_heartbeats_opens_an_alert_until_the_window_holds_none(factory: Factory) -> None:
    tenant = await factory.tenant()
    tv = await make_tv(tenant, "Flaky")
    await _rule(tenant, RuleValues("Gaps", AlertKind.HEARTBEAT_GAP, 5, duration_minutes=30, hysteresis=1))
    assert await _at(tenant, tv, 0, cpu=1) == {"opened": 0, "resolved": 0}  # one beat: no gap to measure
    assert await _at(tenant, tv, 2, cpu=1) == {"opened": 0, "resolved": 0}
    assert await _at(tenant, tv, 10, cpu=1) == {"opened": 1, "resolved": 0}  # 8 minutes without a heartbeat
    assert await _run(tenant, tv, 11, [{"cpu": 1}] * 21) == {"opened": 0, "resolved": 0}  # the gap still in the window
    assert await _run(tenant, tv, 32, [{"cpu": 1}] * 5) == {"opened": 0, "resolved": 1}  # it has left it


async def test_an_anomaly_score_rule_watches_one_group_only(factory: Factory) -> None:
    tenant = await factory.tenant()
    hall, lobby = await make_tv(tenant, "Hall", group="Hall"), await make_tv(tenant, "Lobby", group="Lobby")
    watched = RuleValues("Odd readings", AlertKind.ANOMALY_SCORE, 5, metric=AlertMetric.CPU, duration_minutes=10,
                         target=AlertTarget.GROUP, group="Hall")  # fmt: skip
    await _rule(tenant, watched)
    async with tenant_scope(tenant.id):
        for tv in (hall, lobby):
            await DeviceAnomaly.create(
                device_id=tv.device.id, metric=AlertMetric.CPU, at=START, value=99, score=12, median=20, spread=2
            )
    assert await evaluate_rules(tenant.id, START + timedelta(minutes=1)) == {"opened": 1, "resolved": 0}
    assert [device for device, _ in await _open(tenant)] == [hall.device.id]
    assert await evaluate_rules(tenant.id, START + timedelta(minutes=12)) == {"opened": 0, "resolved": 1}


async def test_a_version_behind_its_channel_too_long_opens_for_the_one_device_watched(factory: Factory) -> None:
    tenant = await factory.tenant()
    major = 10**14 + int(datetime.now(UTC).timestamp() * 1000)  # above every other test's release of the catalogue
    old, new = f"{major}.0.0", f"{major}.1.0"
    watched, other = await make_tv(tenant, "Hall", app_version=old), await make_tv(tenant, "Lobby", app_version=old)
    behind = RuleValues("Stale app", AlertKind.VERSION_BEHIND, 3, target=AlertTarget.DEVICE, device=watched.device,
                        device_given=True)  # fmt: skip
    await _rule(tenant, behind)
    now = datetime.now(UTC)
    assert await evaluate_rules(tenant.id, now) == {"opened": 0, "resolved": 0}  # nothing newer yet
    release = await SoftwareRelease.create(
        version=new, channel=ReleaseChannel.STABLE, url="https://dl.example.org/tv.apk", checksum="f" * 64
    )
    try:  # the catalogue is platform-wide: the release goes again, so that no later test meets it
        await SoftwareRelease.filter(id=release.id).update(published_at=now - timedelta(days=2))
        assert await evaluate_rules(tenant.id, now) == {"opened": 0, "resolved": 0}  # 2 days behind: within 3
        assert await evaluate_rules(tenant.id, now + timedelta(days=1, hours=1)) == {"opened": 1, "resolved": 0}
        [(device, message)] = await _open(tenant)
        assert device == watched.device.id and message == f"Hall runs {old}, 3 days behind {new} (STABLE)"
        async with tenant_scope(tenant.id):
            await record_heartbeat(None, other.device, Heartbeat(app_version=old))
            await record_heartbeat(None, watched.device, Heartbeat(app_version=new))
        assert await evaluate_rules(tenant.id, now + timedelta(days=2)) == {"opened": 0, "resolved": 1}
    finally:
        await SoftwareRelease.filter(id=release.id).delete()
