"""What a React admin changes by id besides create: aliyah assignments and holiday overrides
(update, delete), daily-content preferences (reset); each with validation, tenant and role checks."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import asyncpg

from models.content import AliyahAssignment, HolidayOverride, PrayerTime
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

UPDATE_ALIYAH = """mutation($input: UpdateAliyahAssignmentInput!) { updateAliyahAssignment(input: $input) {
    assignment { id date aliyah personName notify } userErrors { field code } } }"""
SET_OVERRIDE = """mutation($input: SetHolidayOverrideInput!) { setHolidayOverride(input: $input) {
    holidayOverride { id date kind time prayerTimeId note } userErrors { field code } } }"""
UPDATE_OVERRIDE = """mutation($input: UpdateHolidayOverrideInput!) { updateHolidayOverride(input: $input) {
    holidayOverride { id date kind time prayerTimeId note } userErrors { field code } } }"""
DELETE_OVERRIDE = "mutation($id: ID!) { deleteHolidayOverride(id: $id) { deletedId userErrors { field code } } }"
RESET_PREFS = "mutation { resetDailyContentPreferences { preferences { showOmer zmanim } userErrors { code } } }"
UPDATE_PREFS = """mutation($input: UpdateDailyContentPreferencesInput!) { updateDailyContentPreferences(input: $input) {
    userErrors { code } } }"""
SHABBAT = "2025-06-07"


async def _assign(gql: GQL, actor: Actor, aliyah: str, person: str) -> str:
    values = {"date": SHABBAT, "aliyah": aliyah, "personName": person}
    result = await gql.op("AssignAliyah", {"input": values}, actor=actor)
    assert user_errors(result, "assignAliyah") == []
    gid: str = result["data"]["assignAliyah"]["assignment"]["id"]
    return gid


async def _override(gql: GQL, actor: Actor, **values: Any) -> dict[str, Any]:
    result = await gql(SET_OVERRIDE, {"input": values}, actor=actor)
    assert user_errors(result, "setHolidayOverride") == []
    override: dict[str, Any] = result["data"]["setHolidayOverride"]["holidayOverride"]
    return override


async def test_update_aliyah_assignment_moves_renames_and_refuses_a_taken_aliyah(
    gql: GQL, factory: Factory
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    kohen = await _assign(gql, editor, "KOHEN", "Aharon")
    await _assign(gql, editor, "LEVI", "Moshe")
    result = await gql(UPDATE_ALIYAH, {"input": {"id": kohen, "personName": "Aharon HaKohen"}}, actor=editor)
    assert result["data"]["updateAliyahAssignment"] == {
        "assignment": {
            "id": kohen,
            "date": SHABBAT,
            "aliyah": "KOHEN",
            "personName": "Aharon HaKohen",
            "notify": False,
        },
        "userErrors": [],
    }
    for values, error in (
        ({"aliyah": "LEVI"}, (["aliyah"], "CONFLICT")),
        ({"personName": "  "}, (["personName"], "REQUIRED")),
    ):
        refused = await gql(UPDATE_ALIYAH, {"input": {"id": kohen, **values}}, actor=editor)
        assert refused["data"]["updateAliyahAssignment"] == {
            "assignment": None,
            "userErrors": [dict(zip(("field", "code"), error, strict=True))],
        }
    moved = await gql(UPDATE_ALIYAH, {"input": {"id": kohen, "date": "2025-06-14", "aliyah": "MAFTIR"}}, actor=editor)
    assert moved["data"]["updateAliyahAssignment"]["assignment"]["aliyah"] == "MAFTIR"
    day = (await gql.op("DaySchedule", {"date": "2025-06-14"}, actor=editor))["data"]["daySchedule"]
    assert day["aliyot"] == [{"aliyah": "MAFTIR", "personName": "Aharon HaKohen"}]
    day = (await gql.op("DaySchedule", {"date": SHABBAT}, actor=editor))["data"]["daySchedule"]
    assert day["aliyot"] == [{"aliyah": "LEVI", "personName": "Moshe"}]


async def test_update_and_delete_holiday_override(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    mincha = await gql.op(
        "CreatePrayerTime", {"input": {"name": "Mincha", "days": ["FRIDAY"], "fixedTime": "19:00"}}, actor=editor
    )
    prayer_id = mincha["data"]["createPrayerTime"]["prayerTime"]["id"]
    candles = await _override(gql, editor, date="2025-09-22", kind="CANDLE_LIGHTING", time="18:30")
    await _override(gql, editor, date="2025-09-23", kind="CANDLE_LIGHTING", time="19:35")
    changed = await gql(
        UPDATE_OVERRIDE, {"input": {"id": candles["id"], "time": "18:25", "note": "early"}}, actor=editor
    )
    assert changed["data"]["updateHolidayOverride"]["holidayOverride"] == {**candles, "time": "18:25", "note": "early"}
    for values, error in (
        ({"date": "2025-09-23"}, {"field": ["date"], "code": "CONFLICT"}),
        ({"kind": "PRAYER_TIME"}, {"field": ["prayerTimeId"], "code": "REQUIRED"}),
        ({"note": "x" * 201}, {"field": ["note"], "code": "TOO_LONG"}),
    ):
        refused = await gql(UPDATE_OVERRIDE, {"input": {"id": candles["id"], **values}}, actor=editor)
        assert refused["data"]["updateHolidayOverride"] == {"holidayOverride": None, "userErrors": [error]}
    to_prayer = {"id": candles["id"], "kind": "PRAYER_TIME", "prayerTimeId": prayer_id, "time": "18:45"}
    result = await gql(UPDATE_OVERRIDE, {"input": to_prayer}, actor=editor)
    moved = result["data"]["updateHolidayOverride"]["holidayOverride"]
    assert (moved["kind"], moved["prayerTimeId"], moved["time"]) == ("PRAYER_TIME", prayer_id, "18:45")
    kept = await gql(UPDATE_OVERRIDE, {"input": {"id": candles["id"], "time": "18:50"}}, actor=editor)
    assert kept["data"]["updateHolidayOverride"]["holidayOverride"]["prayerTimeId"] == prayer_id
    back = await gql(UPDATE_OVERRIDE, {"input": {"id": candles["id"], "kind": "HAVDALAH"}}, actor=editor)
    assert back["data"]["updateHolidayOverride"]["holidayOverride"]["prayerTimeId"] is None
    deleted = await gql(DELETE_OVERRIDE, {"id": candles["id"]}, actor=editor)
    assert deleted["data"]["deleteHolidayOverride"] == {"deletedId": candles["id"], "userErrors": []}
    again = await gql(DELETE_OVERRIDE, {"id": candles["id"]}, actor=editor)
    assert again["data"]["deleteHolidayOverride"] == {
        "deletedId": None,
        "userErrors": [{"field": ["id"], "code": "NOT_FOUND"}],
    }
    rows = await tenant_db.fetch(
        "SELECT date, time FROM content_holiday_override WHERE tenant_id = $1", editor.tenant.id
    )
    assert [(str(r["date"]), r["time"]) for r in rows] == [("2025-09-23", "19:35:00")]


async def test_reset_daily_content_preferences(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    await gql(UPDATE_PREFS, {"input": {"showOmer": False, "zmanim": ["SUNSET"]}}, actor=editor)
    reset = (await gql(RESET_PREFS, actor=editor))["data"]["resetDailyContentPreferences"]
    assert reset["preferences"]["showOmer"] is True and "SUNRISE" in reset["preferences"]["zmanim"]
    assert reset["userErrors"] == []


async def test_T3_cross_tenant_foreign_assignment_override_and_prayer_time_are_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member()
    aliyah = await make(b.tenant.id, AliyahAssignment, date=date(2025, 6, 7), aliyah="KOHEN", person_name="B")
    prayer = await make(b.tenant.id, PrayerTime, name="B's", days=["MONDAY"], fixed_time=time(7))
    override = await make(b.tenant.id, HolidayOverride, date=date(2025, 9, 22), kind="CANDLE_LIGHTING", time=time(18))
    not_found = [{"field": ["id"], "code": "NOT_FOUND"}]
    async with unchanged(owner_db, b.tenant, a):
        result = await gql(
            UPDATE_ALIYAH, {"input": {"id": to_global_id("AliyahAssignment", aliyah.id), "personName": "x"}}, actor=a
        )
        assert result["data"]["updateAliyahAssignment"]["userErrors"] == not_found
        override_gid = to_global_id("HolidayOverride", override.id)
        result = await gql(UPDATE_OVERRIDE, {"input": {"id": override_gid, "time": "01:00"}}, actor=a)
        assert result["data"]["updateHolidayOverride"]["userErrors"] == not_found
        result = await gql(DELETE_OVERRIDE, {"id": override_gid}, actor=a)
        assert result["data"]["deleteHolidayOverride"]["userErrors"] == not_found
    own = await _override(gql, a, date="2025-09-22", kind="CANDLE_LIGHTING", time="18:30")
    async with unchanged(owner_db, b.tenant, a):
        foreign_prayer = {"id": own["id"], "kind": "PRAYER_TIME", "prayerTimeId": to_global_id("PrayerTime", prayer.id)}
        result = await gql(UPDATE_OVERRIDE, {"input": foreign_prayer}, actor=a)
        not_found_prayer = [{"field": ["prayerTimeId"], "code": "NOT_FOUND"}]
        assert result["data"]["updateHolidayOverride"]["userErrors"] == not_found_prayer
    assert await tenant_db.fetchval("SELECT person_name FROM content_aliyah_assignment WHERE id = $1", aliyah.id) == "B"
    override_time = "SELECT time FROM content_holiday_override WHERE id = $1"
    assert await tenant_db.fetchval(override_time, override.id) == "18:00:00"


async def test_Z1_missing_role_viewer_cannot_update_or_delete_programme(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    kohen = await _assign(gql, editor, "KOHEN", "Aharon")
    override = await _override(gql, editor, date="2025-09-22", kind="HAVDALAH", time="19:50")
    async with unchanged(owner_db, viewer):
        for query, variables in (
            (UPDATE_ALIYAH, {"input": {"id": kohen, "personName": "x"}}),
            (UPDATE_OVERRIDE, {"input": {"id": override["id"], "time": "01:00"}}),
            (DELETE_OVERRIDE, {"id": override["id"]}),
            (RESET_PREFS, None),
        ):
            assert error_codes(await gql(query, variables, actor=viewer)) == ["FORBIDDEN"], query
    assert (
        await tenant_db.fetchval(
            "SELECT time FROM content_holiday_override WHERE tenant_id = $1",
            editor.tenant.id,
        )
        == "19:50:00"
    )
    day = (await gql.op("DaySchedule", {"date": SHABBAT}, actor=viewer))["data"]["daySchedule"]
    assert day["aliyot"] == [{"aliyah": "KOHEN", "personName": "Aharon"}]
