"""Alerts: a rule opens and resolves an alert on real heartbeats and tells everyone who should hear of it
(tenantEvents, webhooks, the admins who want e-mail, text recipients); hysteresis keeps a value hovering at the
threshold from flapping; snoozing silences people, not machines; evaluating a slot twice changes nothing; rules
and alerts of another synagogue read like missing ones, and callers without the role are refused."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from config import Settings
from models.devices import DeviceIdentity
from models.identity import Role
from services.infra.ids import to_global_id
from services.outbox.queue import attach_worker
from tests.support.actors import Actor, Factory
from tests.support.analytics import beats, create_rule, evaluate_rules, queued
from tests.support.devices import make_tv
from tests.support.events import tenant_feed
from tests.support.graphql import GQL, Refusal, answer, assert_refused, error_codes, user_errors
from tests.support.snapshot import unchanged
from tests.support.webhooks import subscribe

HOT = {"name": "Hot screen", "kind": "METRIC_ABOVE", "metric": "TEMPERATURE", "threshold": 70, "hysteresis": 5}
START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def temps(first_minute: int, *values: float) -> list[tuple[float, dict[str, Any]]]:
    return [(first_minute + i, {"temperature": value}) for i, value in enumerate(values)]


async def _alerts(gql: GQL, actor: Actor, **filters: Any) -> list[dict[str, Any]]:
    result = await gql.trusted("Alerts", filters, actor=actor)
    assert "errors" not in result, result
    return [edge["node"] for edge in result["data"]["alerts"]["edges"]]


async def _next_kind(feed: asyncio.Queue[dict[str, Any]], kind: str) -> dict[str, Any]:
    while True:
        event = await asyncio.wait_for(feed.get(), 10)
        if event["kind"] == kind:
            return event


async def test_a_rule_opens_and_resolves_an_alert_on_real_heartbeats(
    app: Any, gql: GQL, factory: Factory, tenant_db: asyncpg.Connection, settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(settings, "webhook_allow_private_targets", True)
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    quiet = await factory.member(tenant=tenant, role=Role.OWNER)
    viewer = await factory.member(tenant=tenant, role=Role.VIEWER)
    off = await gql.trusted("SetAlertPreferences", {"input": {"email": False}}, actor=quiet)
    assert off["data"]["setAlertPreferences"]["preferences"] == {"email": False}
    await subscribe(gql, admin, "http://127.0.0.1:9/hooks", "ALERT_OPENED", "ALERT_RESOLVED")
    provider = {"url": "https://sms.example.org/send", "apiKey": "sk_test", "sender": "Shul"}
    configured = await gql.trusted("ConfigureMessaging", {"input": provider}, actor=admin)
    assert configured["data"]["configureMessaging"]["userErrors"] == [], configured
    phone = await gql.trusted("AddMessagingRecipient", {"input": {"phone": "+12125550123"}}, actor=admin)
    assert phone["data"]["addMessagingRecipient"]["userErrors"] == [], phone
    tv = await make_tv(tenant, "Hall TV")
    rule_id = await create_rule(gql, admin, **HOT)

    now = datetime.now(UTC).replace(microsecond=0)
    await beats(tenant.id, tv.device.id, now - timedelta(minutes=12), temps(0, 74, 76, 78, 80, 81, 79, 80, 83, 84, 85))
    sent = await gql.op("ReportDeviceHeartbeat", {"input": {"temperature": 86.5, "cpu": 20}}, headers=tv.headers)
    assert sent["data"]["reportDeviceHeartbeat"]["ok"] is True

    attach_worker(app.state.broadcast, None)
    try:
        async with tenant_feed(app, tenant.id) as feed:
            assert await evaluate_rules(tenant.id, now + timedelta(seconds=30)) == {"opened": 1, "resolved": 0}
            opened = await _next_kind(feed, "ALERT_OPENED")
            assert opened["deviceId"] == tv.device.id and opened["detail"]["rule"] == "Hot screen"
            assert await evaluate_rules(tenant.id, now + timedelta(seconds=30)) == {"opened": 0, "resolved": 0}
            [alert] = await _alerts(gql, viewer, status="OPEN")
            assert alert["rule"] == {"id": rule_id, "name": "Hot screen", "kind": "METRIC_ABOVE"}
            assert alert["device"]["name"] == "Hall TV" and alert["value"] == 86.5
            assert "temperature of Hall TV above 70" in alert["message"]

            await beats(tenant.id, tv.device.id, now + timedelta(minutes=1), temps(0, 71, 66, 64, 62, 60, 60, 60))
            assert await evaluate_rules(tenant.id, now + timedelta(minutes=8)) == {"opened": 0, "resolved": 1}
            resolved = await _next_kind(feed, "ALERT_RESOLVED")
            assert resolved["detail"]["alertId"] == opened["detail"]["alertId"]
    finally:
        attach_worker(None, None)
    [done] = await _alerts(gql, viewer)
    assert done["status"] == "RESOLVED" and done["resolvedAt"] is not None
    assert await _alerts(gql, viewer, status="OPEN") == []

    mails = await queued(tenant_db, tenant.id, "email.send")
    assert [(m["to"], m["subject"]) for m in mails] == [
        (admin.user.email, "Alert opened: Hot screen on Hall TV"),
        (admin.user.email, "Alert resolved: Hot screen on Hall TV"),
    ]
    events = await tenant_db.fetch("SELECT event FROM webhook_delivery WHERE tenant_id = $1 ORDER BY id", tenant.id)
    assert [row["event"] for row in events] == ["ALERT_OPENED", "ALERT_RESOLVED"]
    texts = [text["body"] for text in await queued(tenant_db, tenant.id, "messaging.send")]
    assert [body.split(". ")[0] for body in texts] == [m["subject"] for m in mails]
    assert "temperature of Hall TV above 70" in texts[0]


async def test_hysteresis_keeps_a_value_hovering_at_the_threshold_from_flapping(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    tv = await make_tv(tenant)
    await create_rule(gql, admin, **{**HOT, "threshold": 80, "durationMinutes": 5})

    async def step(minute: int, *values: float) -> dict[str, int]:
        await beats(tenant.id, tv.device.id, START, temps(minute, *values))
        return await evaluate_rules(tenant.id, START + timedelta(minutes=minute + len(values) - 1, seconds=30))

    assert await step(0, 75, 79, 81, 79, 81, 79, 81, 79) == {"opened": 0, "resolved": 0}  # hovering: never 5 min above
    assert await step(8, *[85] * 8) == {"opened": 1, "resolved": 0}
    assert await step(16, *[79, 81] * 5) == {"opened": 0, "resolved": 0}  # back at the threshold: still open
    assert await step(26, 78, 77, 79, 76, 78, 77, 79, 78) == {"opened": 0, "resolved": 0}  # under it, not past 75
    assert await step(34, *[70] * 8) == {"opened": 0, "resolved": 1}
    assert await step(42, *[79, 81] * 5) == {"opened": 0, "resolved": 0}  # hovering again opens nothing
    assert [a["status"] for a in await _alerts(gql, admin)] == ["RESOLVED"]


async def test_an_offline_rule_opens_while_a_device_is_silent_and_resolves_when_it_is_back(
    gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    silent, fine = await make_tv(tenant, "Silent TV"), await make_tv(tenant, "Fine TV")
    await make_tv(tenant, "Never seen TV")
    await create_rule(gql, admin, name="Gone", kind="DEVICE_OFFLINE", threshold=10)
    now = datetime.now(UTC)
    await DeviceIdentity.filter(device_id=silent.device.id).update(last_seen_at=now - timedelta(minutes=25))
    await DeviceIdentity.filter(device_id=fine.device.id).update(last_seen_at=now - timedelta(seconds=20))
    assert await evaluate_rules(tenant.id, now) == {"opened": 1, "resolved": 0}
    [alert] = await _alerts(gql, admin, status="OPEN")
    assert alert["device"]["name"] == "Silent TV" and alert["value"] == pytest.approx(25, abs=0.2)
    await DeviceIdentity.filter(device_id=silent.device.id).update(last_seen_at=now + timedelta(seconds=50))
    assert await evaluate_rules(tenant.id, now + timedelta(minutes=1)) == {"opened": 0, "resolved": 1}


async def test_snoozing_silences_people_but_not_webhooks_and_acknowledging_is_kept(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant = admin.tenant
    assert tenant is not None
    viewer = await factory.member(tenant=tenant, role=Role.VIEWER)
    tv = await make_tv(tenant)
    await create_rule(gql, admin, **{**HOT, "durationMinutes": 2})
    await beats(tenant.id, tv.device.id, START, temps(0, 90, 90, 90, 90))
    assert (await evaluate_rules(tenant.id, START + timedelta(minutes=3)))["opened"] == 1
    [alert] = await _alerts(gql, viewer)
    acked = await gql.trusted("AcknowledgeAlert", {"input": {"id": alert["id"]}}, actor=viewer)
    first_ack = acked["data"]["acknowledgeAlert"]["alert"]["acknowledgedAt"]
    assert first_ack is not None
    again = await gql.trusted("AcknowledgeAlert", {"input": {"id": alert["id"]}}, actor=admin)
    assert again["data"]["acknowledgeAlert"]["alert"]["acknowledgedAt"] == first_ack
    assert [a["id"] for a in await _alerts(gql, viewer, acknowledged=True)] == [alert["id"]]

    snoozed = await gql.trusted("SnoozeAlert", {"input": {"id": alert["id"], "minutes": 600}}, actor=viewer)
    assert snoozed["data"]["snoozeAlert"]["alert"]["snoozedUntil"] is not None
    too_long = await gql.trusted("SnoozeAlert", {"input": {"id": alert["id"], "minutes": 99999}}, actor=viewer)
    assert [e["code"] for e in user_errors(too_long, "snoozeAlert")] == ["OUT_OF_RANGE"]
    mails_before = len(await queued(tenant_db, tenant.id, "email.send"))
    await beats(tenant.id, tv.device.id, START + timedelta(minutes=4), temps(0, 50, 50, 50, 50))
    assert (await evaluate_rules(tenant.id, START + timedelta(minutes=7)))["resolved"] == 1
    await beats(tenant.id, tv.device.id, START + timedelta(minutes=8), temps(0, 95, 95, 95, 95))
    assert (await evaluate_rules(tenant.id, START + timedelta(minutes=11)))["opened"] == 1
    newest = (await _alerts(gql, viewer))[0]
    assert newest["silenced"] is True and newest["status"] == "OPEN"
    assert len(await queued(tenant_db, tenant.id, "email.send")) == mails_before, "nobody is e-mailed while snoozed"


async def test_cross_tenant_rules_and_alerts_of_another_synagogue_read_like_missing_ones(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    theirs = await factory.member(role=Role.ADMIN)
    assert theirs.tenant is not None
    their_tv = await make_tv(theirs.tenant)
    their_rule = await create_rule(gql, theirs, **{**HOT, "durationMinutes": 1})
    await beats(theirs.tenant.id, their_tv.device.id, START, temps(0, 90, 90, 90))
    await evaluate_rules(theirs.tenant.id, START + timedelta(minutes=2))
    [their_alert] = await _alerts(gql, theirs)
    missing_rule, missing_alert = to_global_id("AlertRule", 10**9), to_global_id("Alert", 10**9)

    async with unchanged(owner_db, admin, theirs):
        assert await _alerts(gql, admin, ruleId=their_rule) == []
        assert await _alerts(gql, admin, deviceId=their_tv.gid) == []
        assert (await gql.trusted("AlertRules", actor=admin))["data"]["alertRules"]["edges"] == []
        for their_id, missing_id in ((their_rule, missing_rule), (their_alert["id"], missing_alert)):
            node = "query($id: ID!) { node(id: $id) { id } }"
            foreign = await gql(node, {"id": their_id}, actor=admin)
            ghost = await gql(node, {"id": missing_id}, actor=admin)
            assert foreign["data"]["node"] is None and answer(foreign) == answer(ghost)
        for name, field, their_id, missing_id, extra in (
            ("UpdateAlertRule", "updateAlertRule", their_rule, missing_rule, {"threshold": 1}),
            ("DeleteAlertRule", "deleteAlertRule", their_rule, missing_rule, {}),
            ("AcknowledgeAlert", "acknowledgeAlert", their_alert["id"], missing_alert, {}),
            ("SnoozeAlert", "snoozeAlert", their_alert["id"], missing_alert, {"minutes": 5}),
        ):
            foreign = await gql.trusted(name, {"input": {"id": their_id, **extra}}, actor=admin)
            ghost = await gql.trusted(name, {"input": {"id": missing_id, **extra}}, actor=admin)
            assert [e["code"] for e in user_errors(foreign, field)] == ["NOT_FOUND"]
            assert answer(foreign) == answer(ghost)
        aimed_at = {**HOT, "target": "DEVICE", "deviceId": their_tv.gid}
        aimed = await gql.trusted("CreateAlertRule", {"input": aimed_at}, actor=admin)
        assert [(e["field"], e["code"]) for e in user_errors(aimed, "createAlertRule")] == [(["deviceId"], "NOT_FOUND")]
        named = await gql.trusted("Alerts", actor=admin, tenant=theirs.tenant)
        assert error_codes(named) == ["FORBIDDEN"] and named["data"] is None


async def test_missing_role_viewers_devices_outsiders_and_anonymous_callers_are_refused(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    assert admin.tenant is not None
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    rule_id = await create_rule(gql, admin, **HOT)
    stranger = await factory.user()
    outsider = {"Authorization": f"Bearer {factory.token(stranger)}", "X-Tenant-ID": admin.tenant_gid}
    async with unchanged(owner_db, admin):
        for name, variables in (
            ("CreateAlertRule", {"input": HOT}),
            ("UpdateAlertRule", {"input": {"id": rule_id, "threshold": 1}}),
            ("DeleteAlertRule", {"input": {"id": rule_id}}),
        ):
            await assert_refused(gql, name, variables, [({"actor": editor}, "FORBIDDEN")])
        alert = to_global_id("Alert", 1)
        member_operations: list[tuple[str, dict[str, Any] | None]] = [
            ("Alerts", None), ("AlertRules", None), ("AlertPreferences", None),
            ("SetAlertPreferences", {"input": {"email": False}}), ("AcknowledgeAlert", {"input": {"id": alert}}),
            ("SnoozeAlert", {"input": {"id": alert, "minutes": 5}}),
        ]  # fmt: skip
        callers: list[Refusal] = [({"headers": h}, "FORBIDDEN") for h in (tv.headers, outsider)]
        callers.append(({}, "UNAUTHENTICATED"))
        for name, given in member_operations:
            await assert_refused(gql, name, given, callers)
