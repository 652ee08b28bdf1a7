"""Pairing in RFC 8628's shape: start, claim by an ADMIN, poll, the device token exactly once."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from models.devices import DeviceIdentity, DevicePairing
from models.identity import Role
from services.devices.pairing import CODE_ALPHABET
from services.identity.tokens import hash_secret
from tests.support.actors import Factory
from tests.support.devices import pair_tv
from tests.support.graphql import client_gql, error_codes
from tests.support.snapshot import unchanged


def _codes(result: dict[str, Any], field: str) -> list[str]:
    return [e["code"] for e in result["data"][field]["userErrors"]]


async def test_pairing_code_has_no_look_alikes_and_expires_in_ten_minutes(app: Any) -> None:
    gql = client_gql(app)
    before = datetime.now(UTC)
    result = await gql.op("StartDevicePairing", {"input": {"model": "X", "resolution": "1920x1080"}})
    assert "errors" not in result, result
    started = result["data"]["startDevicePairing"]
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", started["pairingCode"])
    assert not set("01OIL5S") & set(started["pairingCode"])
    expires = datetime.fromisoformat(started["expiresAt"])
    assert timedelta(minutes=9) < expires - before <= timedelta(minutes=10, seconds=5)
    assert started["deviceCode"].startswith("sgc_") and started["pollIntervalSeconds"] > 0
    row = await DevicePairing.get(device_code_hash=hash_secret(started["deviceCode"]))
    assert row.user_code == started["pairingCode"].replace("-", "")


async def test_full_pairing_returns_the_token_exactly_once(app: Any, factory: Factory) -> None:
    gql = client_gql(app)
    admin = await factory.member(role=Role.ADMIN)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]

    pending = await gql.op("CompleteDevicePairing", {"deviceCode": started["deviceCode"]})
    assert _codes(pending, "completeDevicePairing") == ["AUTHORIZATION_PENDING"]
    assert pending["data"]["completeDevicePairing"]["deviceToken"] is None
    too_fast = await gql.op("CompleteDevicePairing", {"deviceCode": started["deviceCode"]})
    assert _codes(too_fast, "completeDevicePairing") == ["SLOW_DOWN"]

    code = started["pairingCode"].lower().replace("-", " ")
    claimed = await gql.op(
        "ClaimDevice", {"input": {"pairingCode": code, "name": "Lobby", "location": "Hall"}}, actor=admin
    )
    device = claimed["data"]["claimDevice"]["device"]
    assert device["name"] == "Lobby" and device["location"] == "Hall" and device["status"] == "NEVER_SEEN"

    done = await gql.op("CompleteDevicePairing", {"deviceCode": started["deviceCode"]})
    result = done["data"]["completeDevicePairing"]
    assert result["userErrors"] == [] and result["device"] == {"id": device["id"], "name": "Lobby"}
    token = result["deviceToken"]
    assert token.startswith("sgd_")
    identity = await DeviceIdentity.get(token_hash=hash_secret(token))
    assert identity.tenant_id == admin.tenant.id

    again = await gql.op("CompleteDevicePairing", {"deviceCode": started["deviceCode"]})
    assert _codes(again, "completeDevicePairing") == ["ALREADY_USED"]
    assert again["data"]["completeDevicePairing"]["deviceToken"] is None

    works = await gql.op("Screen", headers={"Authorization": f"Device {token}"})
    assert "errors" not in works, works


async def test_expired_pairing_answers_expired_token(app: Any, factory: Factory) -> None:
    gql = client_gql(app)
    admin = await factory.member(role=Role.ADMIN)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]
    past = datetime.now(UTC) - timedelta(seconds=1)
    await DevicePairing.filter(device_code_hash=hash_secret(started["deviceCode"])).update(expires_at=past)
    polled = await gql.op("CompleteDevicePairing", {"deviceCode": started["deviceCode"]})
    assert _codes(polled, "completeDevicePairing") == ["EXPIRED_TOKEN"]
    claim = await gql.op("ClaimDevice", {"input": {"pairingCode": started["pairingCode"], "name": "Late"}}, actor=admin)
    assert _codes(claim, "claimDevice") == ["EXPIRED_TOKEN"]


async def test_missing_role_claim_needs_an_admin_and_a_real_code(
    app: Any, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    gql = client_gql(app)
    editor = await factory.member(role=Role.EDITOR)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]
    async with unchanged(owner_db, editor):
        claim = {"input": {"pairingCode": started["pairingCode"], "name": "X"}}
        refused = await gql.op("ClaimDevice", claim, actor=editor)
        assert error_codes(refused) == ["FORBIDDEN"]
        anonymous = await gql.op("ClaimDevice", {"input": {"pairingCode": started["pairingCode"], "name": "X"}})
        assert error_codes(anonymous) == ["UNAUTHENTICATED"]
        assert (await DevicePairing.get(user_code=started["pairingCode"].replace("-", ""))).claimed_at is None

    admin = await factory.member(role=Role.ADMIN)
    async with unchanged(owner_db, admin):
        unknown = await gql.op("ClaimDevice", {"input": {"pairingCode": "BBBB-BBBB", "name": "X"}}, actor=admin)
        assert _codes(unknown, "claimDevice") == ["NOT_FOUND"]
        unnamed = {"input": {"pairingCode": started["pairingCode"], "name": " "}}
        blank = await gql.op("ClaimDevice", unnamed, actor=admin)
        assert _codes(blank, "claimDevice") == ["REQUIRED"]


async def test_cross_tenant_a_code_claimed_by_one_tenant_cannot_be_claimed_by_another(
    app: Any, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    gql = client_gql(app)
    a = await factory.member(role=Role.ADMIN)
    b = await factory.member(role=Role.OWNER)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]
    first = await gql.op("ClaimDevice", {"input": {"pairingCode": started["pairingCode"], "name": "A"}}, actor=a)
    assert first["data"]["claimDevice"]["userErrors"] == []
    async with unchanged(owner_db, a, b):
        second = await gql.op("ClaimDevice", {"input": {"pairingCode": started["pairingCode"], "name": "B"}}, actor=b)
        assert _codes(second, "claimDevice") == ["NOT_FOUND"]
        unknown = await gql.op("ClaimDevice", {"input": {"pairingCode": "BBBB-BBBB", "name": "B"}}, actor=b)
        assert second["data"] == unknown["data"]  # a code another synagogue claimed reads as one that never was
        devices_b = await gql.op("Devices", actor=b)
        assert devices_b["data"]["devices"]["totalCount"] == 0
        devices_a = await gql.op("Devices", actor=a)
        assert [e["node"]["name"] for e in devices_a["data"]["devices"]["edges"]] == ["A"]


async def test_pairing_is_rate_limited_per_client_address(app: Any, settings: Any) -> None:
    limit = int(settings.pairing_rate_limit.split("/")[0])
    crowded = client_gql(app)
    for _ in range(limit):
        ok = await crowded.op("StartDevicePairing", {"input": {}})
        assert "errors" not in ok, ok
    throttled = await crowded.op("StartDevicePairing", {"input": {}})
    assert error_codes(throttled) == ["THROTTLED"]
    elsewhere = await client_gql(app).op("StartDevicePairing", {"input": {}})
    assert "errors" not in elsewhere


async def test_bad_device_tokens_are_unauthenticated(app: Any, factory: Factory) -> None:
    gql = client_gql(app)
    for header in ("Device sgd_not-a-token", "Device sgr_refresh-kind", "Device "):
        result = await gql.op("Screen", headers={"Authorization": header})
        assert error_codes(result) == ["UNAUTHENTICATED"], header
    admin = await factory.member(role=Role.ADMIN)
    tv, _ = await pair_tv(gql, admin)
    as_bearer = await gql.op("Screen", headers={"Authorization": f"Bearer {tv.token}"})
    assert error_codes(as_bearer) == ["UNAUTHENTICATED"]


async def test_each_slow_down_adds_five_seconds_to_that_pairings_interval(app: Any, settings: Any) -> None:
    gql = client_gql(app)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]
    code = {"deviceCode": started["deviceCode"]}
    row = await DevicePairing.get(device_code_hash=hash_secret(started["deviceCode"]))
    first = settings.pairing_poll_interval_seconds
    assert row.poll_interval_seconds == first == started["pollIntervalSeconds"]

    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["AUTHORIZATION_PENDING"]
    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["SLOW_DOWN"]
    await row.refresh_from_db()
    assert row.poll_interval_seconds == first + 5
    # Waiting the first interval is no longer enough: the longer one holds for every later poll.
    await DevicePairing.filter(id=row.id).update(last_polled_at=datetime.now(UTC) - timedelta(seconds=first + 1))
    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["SLOW_DOWN"]
    await row.refresh_from_db()
    assert row.poll_interval_seconds == first + 10
    await DevicePairing.filter(id=row.id).update(last_polled_at=datetime.now(UTC) - timedelta(seconds=first + 11))
    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["AUTHORIZATION_PENDING"]
    await row.refresh_from_db()
    assert row.poll_interval_seconds == first + 10


async def test_many_tvs_behind_one_address_poll_without_being_throttled(app: Any, settings: Any) -> None:
    """Polls have their own per-address budget: each pairing is already held to its interval."""
    starts = int(settings.pairing_rate_limit.split("/")[0])
    assert int(settings.pairing_poll_rate_limit.split("/")[0]) > starts
    codes = [
        (await client_gql(app).op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]["deviceCode"]
        for _ in range(4)
    ]
    office = client_gql(app)
    for n in range(starts + 4):
        await DevicePairing.filter(device_code_hash=hash_secret(codes[n % 4])).update(last_polled_at=None)
        polled = await office.op("CompleteDevicePairing", {"deviceCode": codes[n % 4]})
        assert _codes(polled, "completeDevicePairing") == ["AUTHORIZATION_PENDING"], polled


async def test_a_slow_down_never_shortens_an_interval_set_past_the_cap(
    app: Any, settings: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(settings, "pairing_poll_interval_seconds", 90)
    gql = client_gql(app)
    started = (await gql.op("StartDevicePairing", {"input": {}}))["data"]["startDevicePairing"]
    code = {"deviceCode": started["deviceCode"]}
    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["AUTHORIZATION_PENDING"]
    assert _codes(await gql.op("CompleteDevicePairing", code), "completeDevicePairing") == ["SLOW_DOWN"]
    row = await DevicePairing.get(device_code_hash=hash_secret(started["deviceCode"]))
    assert row.poll_interval_seconds == 90
