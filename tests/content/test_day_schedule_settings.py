"""DaySchedule follows the synagogue's own settings: Israel or diaspora (portion, second day of yom tov), its
candle-lighting minutes on a Friday and on an erev yom tov, and its havdalah opinion as updated by an admin.
The times themselves are checked against hebcal in tests/luach; here, that each setting reaches the day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import asyncpg

import luach
from luach import HavdalahOpinion, Location
from models.identity import Role
from models.synagogue import Synagogue
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import CHICAGO
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

JERUSALEM = {"timezone": "Asia/Jerusalem", "latitude": 31.778, "longitude": 35.235}
JERUSALEM_PLACE = Location(latitude=31.778, longitude=35.235, timezone="Asia/Jerusalem")
CHICAGO_PLACE = Location(latitude=41.85003, longitude=-87.65005, timezone="America/Chicago")
EREV_SHAVUOT, SHAVUOT, SHABBAT = date(2026, 5, 21), date(2026, 5, 22), date(2026, 5, 23)  # Thu, Fri, Sat (5786)


async def day(gql: GQL, actor: Actor, when: date) -> dict[str, Any]:
    result = await gql.op("DaySchedule", {"date": when.isoformat()}, actor=actor)
    assert "errors" not in result, result
    schedule: dict[str, Any] = result["data"]["daySchedule"]
    return schedule


def at(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


async def test_israel_and_diaspora_keep_their_own_yom_tov_portion_and_times(gql: GQL, factory: Factory) -> None:
    israel = await factory.member(
        tenant=await factory.tenant(**JERUSALEM, in_israel=True, candle_lighting_minutes=40), role=Role.VIEWER
    )
    diaspora = await factory.member(tenant=await factory.tenant(**CHICAGO), role=Role.VIEWER)
    jerusalem, chicago = JERUSALEM_PLACE, CHICAGO_PLACE

    il, d = await day(gql, israel, SHABBAT), await day(gql, diaspora, SHABBAT)
    assert il["parasha"] == "Nasso" and not any("Shavuot" in h for h in il["holidays"])
    assert d["parasha"] is None and "Shavuot II" in d["holidays"]
    assert at(il["havdalah"]) == luach.havdalah(SHABBAT, jerusalem, HavdalahOpinion.DEGREES_8_5, True)
    assert at(d["havdalah"]) == luach.havdalah(SHABBAT, chicago, HavdalahOpinion.DEGREES_8_5, False)

    for actor, place, minutes, in_israel in ((israel, jerusalem, 40, True), (diaspora, chicago, 18, False)):
        erev = await day(gql, actor, EREV_SHAVUOT)
        assert at(erev["candleLighting"]) == luach.candle_lighting(EREV_SHAVUOT, place, minutes, in_israel)
        assert erev["candleLighting"] is not None and erev["havdalah"] is None
        friday = await day(gql, actor, SHAVUOT)  # yom tov, and Shabbat follows: candles at sunset - minutes
        assert at(friday["candleLighting"]) == luach.candle_lighting(SHAVUOT, place, minutes, in_israel)
        assert friday["candleLighting"] is not None and friday["havdalah"] is None
    assert (await day(gql, israel, EREV_SHAVUOT))["candleLighting"] != (await day(gql, diaspora, EREV_SHAVUOT))[
        "candleLighting"
    ]


async def test_havdalah_follows_the_opinion_an_admin_sets(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(tenant=await factory.tenant(**CHICAGO), role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    chicago = CHICAGO_PLACE
    before = at((await day(gql, viewer, SHABBAT))["havdalah"])
    for opinion in ("MINUTES_72", "MINUTES_42"):
        result = await gql.op("UpdateSynagogue", {"input": {"havdalahOpinion": opinion}}, actor=admin)
        assert result["data"]["updateSynagogue"]["userErrors"] == [], result
        after = at((await day(gql, viewer, SHABBAT))["havdalah"])
        assert after == luach.havdalah(SHABBAT, chicago, HavdalahOpinion(opinion), False) and after != before
    refused = await gql.op("UpdateSynagogue", {"input": {"havdalahOpinion": "MINUTES_50"}}, actor=viewer)
    assert error_codes(refused) == ["FORBIDDEN"]
    assert at((await day(gql, viewer, SHABBAT))["havdalah"]) == luach.havdalah(
        SHABBAT, chicago, HavdalahOpinion.MINUTES_42, False
    )


async def test_cross_tenant_another_synagogues_day_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    mine = await factory.member(role=Role.VIEWER)
    other = await factory.member(role=Role.VIEWER)
    async with unchanged(owner_db, other.tenant, mine):
        result = await gql.op("DaySchedule", {"date": SHABBAT.isoformat()}, actor=mine, tenant=other.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        nowhere = {"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)}
        assert result == await gql.op("DaySchedule", {"date": SHABBAT.isoformat()}, actor=mine, headers=nowhere)
        assert error_codes(await gql.op("DaySchedule", {"date": SHABBAT.isoformat()})) == ["UNAUTHENTICATED"]


async def test_missing_role_an_editor_cannot_change_the_havdalah_opinion_of_the_day(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(tenant=await factory.tenant(**CHICAGO), role=Role.EDITOR)
    before = await day(gql, editor, SHABBAT)
    async with unchanged(owner_db, editor):
        refused = await gql.op("UpdateSynagogue", {"input": {"havdalahOpinion": "MINUTES_72"}}, actor=editor)
        assert error_codes(refused) == ["FORBIDDEN"]
        assert refused["data"]["updateSynagogue"] is None
    assert (await Synagogue.get(id=editor.tenant.id)).havdalah_opinion == HavdalahOpinion.DEGREES_8_5.value
    assert await day(gql, editor, SHABBAT) == before
    assert at(before["havdalah"]) == luach.havdalah(SHABBAT, CHICAGO_PLACE, HavdalahOpinion.DEGREES_8_5, False)
