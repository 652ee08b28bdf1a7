"""The board's yahrzeit policy as a synagogue sets it (updateSynagogue, ADMIN): `yahrzeits` and the screen follow
its window and Adar rule. Fixed dates of hebcal's calendar: a death on 15 Adar 5783 (2023-03-08) is kept in leap
5784 on 15 Adar I (2024-02-24, a Shabbat) and/or 15 Adar II (2024-03-25, a Monday)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import asyncpg

from models.base import tenant_scope
from models.content import Memorial
from models.identity import Role
from services.content.screen_content import screen_content
from tests.support.actors import Actor, Factory
from tests.support.content import CHICAGO, make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

POLICY = """mutation($input: UpdateSynagogueInput!) {
  updateSynagogue(input: $input) { synagogue { yahrzeitWindow adarRule shabbatMode } userErrors { code } }
}"""
BOARD = """query($from: Date!, $to: Date!) {
  yahrzeits(from: $from, to: $to) { date litFrom litUntil hebrewDate { display } memorial { name } }
}"""
CENTRAL = ZoneInfo("America/Chicago")


async def _set(gql: GQL, admin: Actor, **policy: str) -> None:
    result = await gql(POLICY, {"input": policy}, actor=admin)
    assert user_errors(result, "updateSynagogue") == [], result


async def _board(gql: GQL, actor: Actor, start: str, end: str) -> list[tuple[str, str, str, str]]:
    result = await gql(BOARD, {"from": start, "to": end}, actor=actor)
    assert "errors" not in result, result
    return [(y["date"], y["litFrom"], y["litUntil"], y["hebrewDate"]["display"]) for y in result["data"]["yahrzeits"]]


async def test_yahrzeits_follow_the_window_and_the_adar_rule(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(tenant=await factory.tenant(**CHICAGO), role=Role.ADMIN)
    await make(admin.tenant.id, Memorial, name="Reb Chaim", hebrew_year=5783, hebrew_month="ADAR", hebrew_day=15)
    assert await _board(gql, admin, "2024-02-01", "2024-03-31") == [
        ("2024-02-24", "2024-02-24", "2024-02-24", "15 Adar I 5784")
    ]
    assert await _board(gql, admin, "2024-02-25", "2024-03-31") == []

    await _set(gql, admin, yahrzeitWindow="WEEK", adarRule="BOTH")
    assert await _board(gql, admin, "2024-02-19", "2024-03-24") == [
        ("2024-02-24", "2024-02-18", "2024-02-24", "15 Adar I 5784"),
        ("2024-03-25", "2024-03-24", "2024-03-30", "15 Adar II 5784"),
    ]
    await _set(gql, admin, yahrzeitWindow="SHABBAT_TO_FRIDAY", adarRule="ADAR_II")
    assert await _board(gql, admin, "2024-02-01", "2024-03-23") == [
        ("2024-03-25", "2024-03-23", "2024-03-29", "15 Adar II 5784")
    ]
    assert await _board(gql, admin, "2025-03-01", "2025-03-31") == [
        ("2025-03-15", "2025-03-15", "2025-03-21", "15 Adar 5785")
    ]


async def test_the_screen_lights_by_the_policy_from_sunset_the_evening_before(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(tenant=await factory.tenant(**CHICAGO), role=Role.ADMIN)
    await make(admin.tenant.id, Memorial, name="Reb Chaim", hebrew_year=5783, hebrew_month="ADAR", hebrew_day=15)

    async def lit(at: datetime) -> list[str]:
        async with tenant_scope(admin.tenant.id):
            content = await screen_content(admin.tenant.id, at)
        return [f"{y.name} {y.date}" for y in content.yahrzeits]

    sunday_noon = datetime(2024, 3, 24, 12, tzinfo=CENTRAL)
    assert await lit(sunday_noon) == []  # the default: 15 Adar I only (2024-02-24)
    await _set(gql, admin, adarRule="ADAR_II")
    assert await lit(sunday_noon) == []  # Monday's light begins at sunset (19:13 in Chicago)
    assert await lit(datetime(2024, 3, 24, 20, tzinfo=CENTRAL)) == ["Reb Chaim 2024-03-25"]
    assert await lit(datetime(2024, 3, 25, 12, tzinfo=CENTRAL)) == ["Reb Chaim 2024-03-25"]
    assert await lit(datetime(2024, 3, 25, 20, tzinfo=CENTRAL)) == []
    async with tenant_scope(admin.tenant.id):
        before = await screen_content(admin.tenant.id, sunday_noon)
    assert before.steady_until.strftime("%Y-%m-%d %H") == "2024-03-24 19"  # the sunset when the light begins

    await _set(gql, admin, yahrzeitWindow="WEEK")
    assert await lit(datetime(2024, 3, 23, 20, tzinfo=CENTRAL)) == ["Reb Chaim 2024-03-25"]  # Sunday's eve
    assert await lit(datetime(2024, 3, 30, 12, tzinfo=CENTRAL)) == ["Reb Chaim 2024-03-25"]
    assert await lit(datetime(2024, 3, 30, 20, tzinfo=CENTRAL)) == []


async def test_yahrzeit_policy_missing_role_only_an_admin_sets_it(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    async with unchanged(owner_db, editor):
        result = await gql(POLICY, {"input": {"yahrzeitWindow": "WEEK", "shabbatMode": False}}, actor=editor)
        assert error_codes(result) == ["FORBIDDEN"]


async def test_yahrzeit_policy_cross_tenant_another_synagogues_policy_is_out_of_reach(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(role=Role.OWNER)
    outsider = await factory.member(role=Role.OWNER)
    async with unchanged(owner_db, victim.tenant, outsider):
        result = await gql(POLICY, {"input": {"adarRule": "BOTH"}}, actor=outsider, tenant=victim.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        board = await gql(BOARD, {"from": "2024-01-01", "to": "2024-12-31"}, actor=outsider, tenant=victim.tenant)
        assert error_codes(board) == ["FORBIDDEN"]
