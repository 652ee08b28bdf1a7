"""Zmanim (admin: the synagogue's location or a given one) and PublicZmanim (no credential)."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest

from config import Settings
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import chicago_member
from tests.support.documents import client_document
from tests.support.graphql import GQL, error_codes
from tests.support.reference import zmanim_case
from tests.support.snapshot import unchanged


def _location(case: dict[str, Any]) -> dict[str, Any]:
    return {
        "latitude": case["latitude"],
        "longitude": case["longitude"],
        "elevation": case["elevation_m"],
        "timezone": case["timezone"],
        "useElevation": case["use_elevation"],
    }


def _close(got: str, expected: str, day: str, precision: str) -> bool:
    moment = datetime.fromisoformat(got)
    wanted = datetime.fromisoformat(expected if "T" in expected else f"{day}T{expected}")
    delta = moment.replace(tzinfo=None) - wanted
    return (
        timedelta(0) <= delta < timedelta(minutes=1) if precision == "minute" else abs(delta) <= timedelta(seconds=60)
    )


async def test_zmanim_of_the_synagogue_match_hebcal_in_chicago(gql: GQL, factory: Factory) -> None:
    viewer = await chicago_member(factory, Role.VIEWER)
    case = zmanim_case("Chicago")
    result = await gql.op("Zmanim", {"date": case["date"]}, actor=viewer)
    assert "errors" not in result, result
    zmanim = result["data"]["zmanim"]
    compared = [key for key in zmanim if key in case["expected_local"]]
    assert len(compared) >= 15
    for key in compared:
        assert _close(zmanim[key], case["expected_local"][key], case["date"], "minute"), key
    assert zmanim["sunrise"].endswith("-05:00")


async def test_public_zmanim_with_elevation_in_denver_and_no_credential(gql: GQL) -> None:
    case = zmanim_case("Denver")
    result = await gql.op("PublicZmanim", {"date": case["date"], "location": _location(case)})
    assert "errors" not in result, result
    zmanim = result["data"]["zmanim"]
    for key in ("sunrise", "sunset", "sofZmanShma", "tzeit"):
        assert _close(zmanim[key], case["expected_local"][key], case["date"], "second"), key


async def test_polar_day_and_night_give_null(gql: GQL) -> None:
    tromso = {"latitude": 69.6496, "longitude": 18.956, "timezone": "Europe/Oslo"}
    june = (await gql.op("PublicZmanim", {"date": "2024-06-21", "location": tromso}))["data"]["zmanim"]
    december = (await gql.op("PublicZmanim", {"date": "2024-12-21", "location": tromso}))["data"]["zmanim"]
    assert june["sunrise"] is None and june["sunset"] is None and june["sofZmanShma"] is None
    assert december["sunrise"] is None and december["sunset"] is None


async def test_bad_locations_are_bad_user_input(gql: GQL) -> None:
    for location, field in (
        ({"latitude": 91, "longitude": 0, "timezone": "UTC"}, "latitude"),
        ({"latitude": 0, "longitude": -181, "timezone": "UTC"}, "longitude"),
        ({"latitude": 0, "longitude": 0, "timezone": "Mars/Olympus"}, "timezone"),
    ):
        result = await gql.op("PublicZmanim", {"date": "2024-01-01", "location": location})
        assert error_codes(result) == ["BAD_USER_INPUT"]
        assert result["errors"][0]["extensions"]["field"] == field


async def test_missing_role_zmanim_without_location_need_a_member(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    assert error_codes(await gql.op("Zmanim", {"date": "2024-01-01"})) == ["UNAUTHENTICATED"]
    nobody = await factory.user()  # signed in, a member of no synagogue
    signed_in = {"Authorization": f"Bearer {factory.token(nobody)}"}
    async with unchanged(owner_db):
        result = await gql.op("Zmanim", {"date": "2024-01-01"}, headers=signed_in)
        assert error_codes(result) == ["TENANT_REQUIRED"]
        assert result["data"] is None


async def test_cross_tenant_zmanim_of_another_synagogue_are_refused_as_for_one_that_does_not_exist(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.VIEWER)
    b = await chicago_member(factory)
    async with unchanged(owner_db, b.tenant, a):
        result = await gql.op("Zmanim", {"date": "2024-01-01"}, actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        assert result["data"] is None
        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)}
        assert result == await gql.op("Zmanim", {"date": "2024-01-01"}, actor=a, headers=nowhere)


TEL_AVIV = {"latitude": 32.08, "longitude": 34.78, "timezone": "Asia/Jerusalem"}


def _address() -> str:
    return "10." + ".".join(str(secrets.randbelow(250) + 1) for _ in range(3))


@asynccontextmanager
async def _client_at(app: Any, address: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def test_G7_public_zmanim_is_limited_per_client_address(
    app: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "public_zmanim_rate_limit", "3/minute")
    body = {
        "query": client_document("PublicZmanim"),
        "operationName": "PublicZmanim",
        "variables": {"date": "2024-03-01", "location": TEL_AVIV},
    }
    flooding, other = _address(), _address()
    async with _client_at(app, flooding) as client:
        for _ in range(3):
            served = await client.post("/graphql", json=body)
            assert served.status_code == 200 and served.json()["data"]["zmanim"]["sunrise"], served.text
        refused = await client.post("/graphql", json=body)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert error_codes(refused.json()) == ["THROTTLED"]
    assert refused.json()["errors"][0]["extensions"]["retryAfterSeconds"] == int(refused.headers["Retry-After"])
    async with _client_at(app, other) as client:
        unaffected = await client.post("/graphql", json=body)
    assert unaffected.status_code == 200 and "errors" not in unaffected.json()
    assert "Retry-After" not in unaffected.headers


async def test_public_zmanim_limit_does_not_count_members(
    gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "public_zmanim_rate_limit", "1/minute")
    viewer = await factory.member(role=Role.VIEWER)
    for _ in range(3):
        result = await gql.op("PublicZmanim", {"date": "2024-03-01", "location": TEL_AVIV}, actor=viewer)
        assert "errors" not in result, result
