"""Yearly prayer-time seasons, civil (month and day compare, wrapping the year end) and Hebrew."""

from __future__ import annotations

from datetime import date
from typing import Any

import asyncpg

from luach import HebrewDate, HebrewMonth
from luach.seasons import HebrewDay, in_hebrew_season
from models.content import PrayerTime
from models.identity import Role
from services.content.schedule import in_season
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

EVERY_DAY = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]
UPDATE = """mutation($input: UpdatePrayerTimeInput!) { updatePrayerTime(input: $input) {
    prayerTime { id validFrom validTo recursYearly } userErrors { field code } } }"""
CREATE = """mutation($input: CreatePrayerTimeInput!) { createPrayerTime(input: $input) {
    prayerTime { id name validFrom validTo recursYearly } userErrors { field code } } }"""


async def _create(gql: GQL, actor: Actor, **fields: Any) -> dict[str, Any]:
    values = {"days": EVERY_DAY, "fixedTime": "07:00", **fields}
    result = await gql(CREATE, {"input": values}, actor=actor)
    assert user_errors(result, "createPrayerTime") == []
    prayer: dict[str, Any] = result["data"]["createPrayerTime"]["prayerTime"]
    return prayer


async def _names_on(gql: GQL, actor: Actor, day: str) -> set[str]:
    result = await gql.op("DaySchedule", {"date": day}, actor=actor)
    assert "errors" not in result, result
    return {p["name"] for p in result["data"]["daySchedule"]["prayers"]}


def test_yearly_season_compares_month_and_day_and_wraps() -> None:
    summer = (date(2025, 4, 1), date(2025, 9, 30))
    winter = (date(2025, 11, 1), date(2026, 3, 31))
    for day, in_summer, in_winter in (
        (date(2031, 3, 31), False, True),
        (date(2031, 4, 1), True, False),
        (date(2019, 9, 30), True, False),
        (date(2019, 10, 1), False, False),
        (date(2030, 12, 31), False, True),
        (date(2031, 1, 1), False, True),
    ):
        assert in_season(*summer, day, recurs_yearly=True) is in_summer, day
        assert in_season(*winter, day, recurs_yearly=True) is in_winter, day
    leap_start = (date(2024, 2, 29), date(2024, 3, 10))
    assert in_season(*leap_start, date(2025, 3, 1), recurs_yearly=True)
    assert not in_season(*leap_start, date(2025, 2, 28), recurs_yearly=True)
    assert not in_season(*summer, date(2026, 5, 1))


async def test_summer_and_winter_schedules_recur_across_year_boundaries(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    summer = await _create(
        gql, editor, name="Shacharit summer", validFrom="2025-04-01", validTo="2025-09-30", recursYearly=True
    )
    assert (summer["validFrom"], summer["validTo"], summer["recursYearly"]) == ("2025-04-01", "2025-09-30", True)
    await _create(gql, editor, name="Shacharit winter", validFrom="2025-11-01", validTo="2026-03-31", recursYearly=True)
    await _create(gql, editor, name="Once", validFrom="2025-04-01", validTo="2025-09-30")
    assert await _names_on(gql, editor, "2025-06-01") == {"Shacharit summer", "Once"}
    assert await _names_on(gql, editor, "2026-12-31") == {"Shacharit winter"}
    assert await _names_on(gql, editor, "2027-01-01") == {"Shacharit winter"}
    assert await _names_on(gql, editor, "2027-03-31") == {"Shacharit winter"}
    assert await _names_on(gql, editor, "2027-04-01") == {"Shacharit summer"}
    assert await _names_on(gql, editor, "2028-09-30") == {"Shacharit summer"}
    assert await _names_on(gql, editor, "2028-10-15") == set()


async def test_yearly_season_needs_both_ends_and_nothing_is_written(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    base = {"name": "x", "days": EVERY_DAY, "fixedTime": "07:00", "recursYearly": True}
    for extra, field in (
        ({"validFrom": "2025-04-01"}, "validTo"),
        ({"validTo": "2025-04-01"}, "validFrom"),
        ({}, "validFrom"),
    ):
        result = await gql(CREATE, {"input": {**base, **extra}}, actor=editor)
        assert [(e["field"], e["code"]) for e in user_errors(result, "createPrayerTime")] == [([field], "REQUIRED")]
    wrapped = {**base, "recursYearly": False, "validFrom": "2025-11-01", "validTo": "2025-03-31"}
    result = await gql(CREATE, {"input": wrapped}, actor=editor)
    assert [(e["field"], e["code"]) for e in user_errors(result, "createPrayerTime")] == [
        (["validTo"], "END_BEFORE_START")
    ]
    assert (
        await owner_db.fetchval("SELECT count(*) FROM content_prayer_time WHERE tenant_id = $1", editor.tenant.id) == 0
    )


async def test_update_turns_a_season_yearly_and_checks_the_result(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    open_ended = await _create(gql, editor, name="Maariv", validFrom="2025-11-01")
    refused = await gql(UPDATE, {"input": {"id": open_ended["id"], "recursYearly": True}}, actor=editor)
    assert refused["data"]["updatePrayerTime"] == {
        "prayerTime": None,
        "userErrors": [{"field": ["validTo"], "code": "REQUIRED"}],
    }
    done = await gql(
        UPDATE, {"input": {"id": open_ended["id"], "recursYearly": True, "validTo": "2026-03-31"}}, actor=editor
    )
    assert done["data"]["updatePrayerTime"]["prayerTime"]["recursYearly"] is True
    assert await _names_on(gql, editor, "2030-02-01") == {"Maariv"}
    back = await gql(UPDATE, {"input": {"id": open_ended["id"], "recursYearly": False}}, actor=editor)
    assert back["data"]["updatePrayerTime"]["prayerTime"]["recursYearly"] is False
    assert await _names_on(gql, editor, "2030-02-01") == set()


async def test_T1_cross_tenant_foreign_yearly_season_never_shows_and_cannot_be_changed(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member()
    foreign = await make(
        b.tenant.id, PrayerTime, name="B's season", days=EVERY_DAY, fixed_time=None, relative_to="sunset",
        valid_from=date(2025, 1, 1), valid_to=date(2025, 12, 31), recurs_yearly=True,
    )  # fmt: skip
    assert await _names_on(gql, b, "2030-06-01") == {"B's season"}
    async with unchanged(owner_db, b.tenant, a):
        assert await _names_on(gql, a, "2030-06-01") == set()
        gid = to_global_id("PrayerTime", foreign.id)
        result = await gql(UPDATE, {"input": {"id": gid, "recursYearly": False}}, actor=a)
        assert result["data"]["updatePrayerTime"]["userErrors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
        assert await _names_on(gql, b, "2031-06-01") == {"B's season"}


async def test_Z1_missing_role_viewer_cannot_create_or_change_a_season(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    season = {"validFrom": "2025-04-01", "validTo": "2025-09-30", "recursYearly": True}
    created = await _create(gql, editor, name="Summer", **season)
    values = {"name": "x", "days": EVERY_DAY, "fixedTime": "07:00", **season}
    async with unchanged(owner_db, viewer):
        assert error_codes(await gql(CREATE, {"input": values}, actor=viewer)) == ["FORBIDDEN"]
        change = {"input": {"id": created["id"], "recursYearly": False}}
        assert error_codes(await gql(UPDATE, change, actor=viewer)) == ["FORBIDDEN"]
        assert await _names_on(gql, viewer, "2029-05-01") == {"Summer"}


def _civil(year: int, month: str, day: int) -> str:
    return HebrewDate(year, HebrewMonth(month), day).to_civil().isoformat()


def test_hebrew_season_orders_the_year_from_tishrei_and_wraps() -> None:
    summer = (HebrewDay(HebrewMonth.NISAN, 15), HebrewDay(HebrewMonth.TISHREI, 22))
    purim = (HebrewDay(HebrewMonth.ADAR, 14), HebrewDay(HebrewMonth.ADAR, 15))
    early_adar = (HebrewDay(HebrewMonth.ADAR_I, 1), HebrewDay(HebrewMonth.ADAR_I, 30))
    for year, month, day, in_summer, in_purim, in_early_adar in (
        (5785, "NISAN", 14, False, False, False),
        (5785, "NISAN", 15, True, False, False),
        (5785, "ELUL", 29, True, False, False),
        (5786, "TISHREI", 22, True, False, False),
        (5786, "TISHREI", 23, False, False, False),
        (5784, "ADAR_I", 14, False, False, True),
        (5784, "ADAR_II", 14, False, True, False),
        (5785, "ADAR", 14, False, True, False),
    ):
        on = HebrewDate(year, HebrewMonth(month), day)
        assert in_hebrew_season(on, *summer) is in_summer, on
        assert in_hebrew_season(on, *purim) is in_purim, on
        assert in_hebrew_season(on, *early_adar) is in_early_adar, on
    assert not HebrewDay(HebrewMonth.TEVET, 30).exists() and HebrewDay(HebrewMonth.KISLEV, 30).exists()


async def test_a_hebrew_season_from_pesach_to_sukkot_holds_every_year(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    season = {"start": {"day": 15, "month": "NISAN"}, "end": {"day": 22, "month": "TISHREI"}}
    created = await _create(gql, editor, name="Summer Mincha", hebrewSeason=season)
    query = """query($id: ID!) { node(id: $id) { ... on PrayerTime {
        hebrewSeason { start { day month } end { day month } } } } }"""
    shown = await gql(query, {"id": created["id"]}, actor=editor)
    assert shown["data"]["node"]["hebrewSeason"] == season
    for year in (5785, 5786, 5790):
        assert await _names_on(gql, editor, _civil(year, "NISAN", 15)) == {"Summer Mincha"}
        assert await _names_on(gql, editor, _civil(year, "NISAN", 14)) == set()
        assert await _names_on(gql, editor, _civil(year + 1, "TISHREI", 22)) == {"Summer Mincha"}
        assert await _names_on(gql, editor, _civil(year + 1, "TISHREI", 23)) == set()
    cleared = await gql(UPDATE, {"input": {"id": created["id"], "hebrewSeason": None}}, actor=editor)
    assert cleared["data"]["updatePrayerTime"]["userErrors"] == []
    assert await _names_on(gql, editor, _civil(5790, "TISHREI", 23)) == {"Summer Mincha"}


async def test_a_hebrew_season_end_that_does_not_exist_is_refused(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    base = {"name": "x", "days": EVERY_DAY, "fixedTime": "07:00"}
    for season, field, code in (
        (
            {"start": {"day": 30, "month": "TEVET"}, "end": {"day": 1, "month": "NISAN"}},
            ["hebrewSeason", "start", "day"],
            "INVALID_DATE",
        ),
        (
            {"start": {"day": 1, "month": "NISAN"}, "end": {"day": 0, "month": "AV"}},
            ["hebrewSeason", "end", "day"],
            "INVALID_DATE",
        ),
    ):
        result = await gql(CREATE, {"input": {**base, "hebrewSeason": season}}, actor=editor)
        assert [(e["field"], e["code"]) for e in user_errors(result, "createPrayerTime")] == [(field, code)]
    assert (
        await owner_db.fetchval("SELECT count(*) FROM content_prayer_time WHERE tenant_id = $1", editor.tenant.id) == 0
    )
