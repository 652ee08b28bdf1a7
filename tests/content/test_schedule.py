"""Prayer times, Torah classes, aliyot and holiday overrides, resolved by DaySchedule."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from models.content import PrayerTime
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import chicago_member, make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged

FRIDAY = "2020-06-05"  # Chicago reference day: sunset 20:22 CDT (hebcal), so candles at 20:04


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_day_schedule_on_a_friday_in_chicago(gql: GQL, factory: Factory) -> None:
    editor = await chicago_member(factory)
    weekdays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
    prayers = [
        {"name": "Shacharit", "days": weekdays, "fixedTime": "06:45", "location": "Main sanctuary"},
        {"name": "Mincha", "days": ["FRIDAY"], "relativeTo": "CANDLE_LIGHTING", "offsetMinutes": 0},
        {"name": "Maariv", "days": ["THURSDAY", "FRIDAY"], "relativeTo": "SUNSET", "offsetMinutes": -10,
         "roundToMinutes": 5, "roundDirection": "DOWN"},
        {"name": "Sunday only", "days": ["SUNDAY"], "fixedTime": "08:00"},
        {"name": "Out of season", "days": ["FRIDAY"], "fixedTime": "09:00", "validFrom": "2021-01-01"},
    ]  # fmt: skip
    for prayer in prayers:
        result = await gql.op("CreatePrayerTime", {"input": prayer}, actor=editor)
        assert user_errors(result, "createPrayerTime") == [], prayer
    created = result["data"]["createPrayerTime"]["prayerTime"]
    assert created["fixedTime"] == "09:00" and created["relativeTo"] is None and created["days"] == ["FRIDAY"]
    result = await gql.op(
        "CreateTorahClass",
        {"input": {"title": "Daf Yomi", "teacher": "Rabbi K", "days": ["FRIDAY"], "time": "07:30"}},
        actor=editor,
    )
    assert result["data"]["createTorahClass"]["torahClass"]["time"] == "07:30"
    for aliyah, person in (("LEVI", "Moshe Levi"), ("KOHEN", "Aharon Cohen")):
        result = await gql.op(
            "AssignAliyah", {"input": {"date": FRIDAY, "aliyah": aliyah, "personName": person}}, actor=editor
        )
        assert user_errors(result, "assignAliyah") == []

    result = await gql.op("DaySchedule", {"date": FRIDAY}, actor=editor)
    assert "errors" not in result, result
    day = result["data"]["daySchedule"]
    candles = _at(day["candleLighting"])
    offset = candles.utcoffset()
    assert offset is not None and offset.total_seconds() == -5 * 3600
    reference = _at("2020-06-05T20:04:00-05:00")
    assert abs((candles - reference).total_seconds()) <= 60
    assert day["havdalah"] is None
    assert day["hebrewDate"] == {"day": 13, "month": "SIVAN", "year": 5780, "display": "13 Sivan 5780"}
    assert day["parasha"] == "Nasso"
    assert [(p["name"], p["time"][11:16]) for p in day["prayers"]] == [
        ("Shacharit", "06:45"),
        ("Mincha", candles.strftime("%H:%M")),
        ("Maariv", "20:10"),
    ]
    assert day["prayers"][0]["location"] == "Main sanctuary"
    assert [(c["title"], c["time"][11:16]) for c in day["classes"]] == [("Daf Yomi", "07:30")]
    assert day["aliyot"] == [
        {"aliyah": "KOHEN", "personName": "Aharon Cohen"},
        {"aliyah": "LEVI", "personName": "Moshe Levi"},
    ]

    saturday = (await gql.op("DaySchedule", {"date": "2020-06-06"}, actor=editor))["data"]["daySchedule"]
    assert saturday["candleLighting"] is None and saturday["havdalah"] is not None
    assert saturday["prayers"] == [] and saturday["classes"] == []


async def test_holiday_override_fixes_candle_lighting_and_a_prayer(gql: GQL, factory: Factory) -> None:
    editor = await chicago_member(factory)
    prayer = await make(editor.tenant.id, PrayerTime, name="Mincha", days=["FRIDAY"], relative_to="candleLighting")
    override = """mutation($input: SetHolidayOverrideInput!) { setHolidayOverride(input: $input) {
        holidayOverride { id kind time } userErrors { field code } } }"""
    result = await gql(override, {"input": {"date": FRIDAY, "kind": "CANDLE_LIGHTING", "time": "19:45"}}, actor=editor)
    assert result["data"]["setHolidayOverride"]["userErrors"] == []
    gid = to_global_id("PrayerTime", prayer.id)
    result = await gql(override, {"input": {"date": FRIDAY, "kind": "PRAYER_TIME", "time": "19:00"}}, actor=editor)
    assert result["data"]["setHolidayOverride"]["userErrors"] == [{"field": ["prayerTimeId"], "code": "REQUIRED"}]
    day = (await gql.op("DaySchedule", {"date": FRIDAY}, actor=editor))["data"]["daySchedule"]
    assert day["candleLighting"] == "2020-06-05T19:45:00-05:00"
    assert day["prayers"][0]["time"] == "2020-06-05T19:45:00-05:00"
    result = await gql(
        override, {"input": {"date": FRIDAY, "kind": "PRAYER_TIME", "time": "19:00", "prayerTimeId": gid}}, actor=editor
    )
    assert result["data"]["setHolidayOverride"]["userErrors"] == []
    day = (await gql.op("DaySchedule", {"date": FRIDAY}, actor=editor))["data"]["daySchedule"]
    assert day["prayers"][0]["time"] == "2020-06-05T19:00:00-05:00"


async def test_invalid_prayer_times_are_refused_and_nothing_written(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    base = {"name": "Mincha", "days": ["MONDAY"]}
    cases = [
        ({**base, "fixedTime": "13:00", "relativeTo": "SUNSET"}, ["fixedTime"], "CONFLICT"),
        (base, ["fixedTime"], "REQUIRED"),
        ({**base, "relativeTo": "SUNSET", "offsetMinutes": 721}, ["offsetMinutes"], "OUT_OF_RANGE"),
        ({**base, "relativeTo": "SUNSET", "offsetMinutes": -721}, ["offsetMinutes"], "OUT_OF_RANGE"),
        ({**base, "relativeTo": "SUNSET", "roundToMinutes": 61}, ["roundToMinutes"], "OUT_OF_RANGE"),
        (
            {**base, "fixedTime": "13:00", "validFrom": "2025-05-01", "validTo": "2025-04-01"},
            ["validTo"],
            "END_BEFORE_START",
        ),
        ({**base, "name": " ", "fixedTime": "13:00"}, ["name"], "REQUIRED"),
        ({"name": "x", "days": [], "fixedTime": "13:00"}, ["days"], "REQUIRED"),
    ]
    for prayer, field, code in cases:
        errors = user_errors(await gql.op("CreatePrayerTime", {"input": prayer}, actor=editor), "createPrayerTime")
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], prayer
    count = await tenant_db.fetchval("SELECT count(*) FROM content_prayer_time WHERE tenant_id = $1", editor.tenant.id)
    assert count == 0
    bad_aliyah = {"date": FRIDAY, "aliyah": "KOHEN", "personName": "x", "notify": True}
    errors = user_errors(await gql.op("AssignAliyah", {"input": bad_aliyah}, actor=editor), "assignAliyah")
    assert [(e["field"], e["code"]) for e in errors] == [(["notifyEmail"], "REQUIRED")]


async def test_update_prayer_time_switches_fixed_to_relative(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    created = await gql.op(
        "CreatePrayerTime", {"input": {"name": "Mincha", "days": ["MONDAY"], "fixedTime": "13:00"}}, actor=editor
    )
    gid = created["data"]["createPrayerTime"]["prayerTime"]["id"]
    update = """mutation($input: UpdatePrayerTimeInput!) { updatePrayerTime(input: $input) {
        prayerTime { fixedTime relativeTo offsetMinutes dayKinds } userErrors { field code } } }"""
    result = await gql(
        update,
        {"input": {"id": gid, "relativeTo": "PLAG_HAMINCHA", "offsetMinutes": -5, "dayKinds": ["ROSH_CHODESH"]}},
        actor=editor,
    )
    assert result["data"]["updatePrayerTime"] == {
        "prayerTime": {
            "fixedTime": None,
            "relativeTo": "PLAG_HAMINCHA",
            "offsetMinutes": -5,
            "dayKinds": ["ROSH_CHODESH"],
        },
        "userErrors": [],
    }
    listed = await gql.op("PrayerTimes", actor=editor)
    assert listed["data"]["prayerTimes"]["totalCount"] == 1


async def test_T3_cross_tenant_foreign_prayer_time_is_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member()
    prayer = await make(b.tenant.id, PrayerTime, name="B's", days=["MONDAY"], relative_to="sunset")
    gid = to_global_id("PrayerTime", prayer.id)
    update = "mutation($input: UpdatePrayerTimeInput!) { updatePrayerTime(input: $input) { userErrors { code } } }"
    async with unchanged(owner_db, b.tenant, a):
        result = await gql(update, {"input": {"id": gid, "name": "hacked"}}, actor=a)
        assert result["data"]["updatePrayerTime"]["userErrors"] == [{"code": "NOT_FOUND"}]
        override = (
            "mutation($input: SetHolidayOverrideInput!) {"
            " setHolidayOverride(input: $input) { userErrors { field code } } }"
        )
        result = await gql(
            override, {"input": {"date": FRIDAY, "kind": "PRAYER_TIME", "time": "19:00", "prayerTimeId": gid}}, actor=a
        )
        assert result["data"]["setHolidayOverride"]["userErrors"] == [{"field": ["prayerTimeId"], "code": "NOT_FOUND"}]
        assert await tenant_db.fetchval("SELECT name FROM content_prayer_time WHERE id = $1", prayer.id) == "B's"
        overrides = "SELECT count(*) FROM content_holiday_override WHERE tenant_id = $1"
        assert await tenant_db.fetchval(overrides, b.tenant.id) == 0
        assert (await gql.op("PrayerTimes", actor=a))["data"]["prayerTimes"]["totalCount"] == 0
        day = (await gql.op("DaySchedule", {"date": "2020-06-08"}, actor=a))["data"]["daySchedule"]
        assert day["prayers"] == []


async def test_Z1_missing_role_viewer_cannot_write_schedule(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    async with unchanged(owner_db, viewer):
        for name, variables in (
            ("CreatePrayerTime", {"input": {"name": "x", "days": ["MONDAY"], "fixedTime": "13:00"}}),
            ("CreateTorahClass", {"input": {"title": "x", "days": ["MONDAY"], "time": "13:00"}}),
            ("AssignAliyah", {"input": {"date": FRIDAY, "aliyah": "KOHEN", "personName": "x"}}),
        ):
            assert error_codes(await gql.op(name, variables, actor=viewer)) == ["FORBIDDEN"], name
        for table in ("content_prayer_time", "content_torah_class", "content_aliyah_assignment"):
            count = await tenant_db.fetchval(f"SELECT count(*) FROM {table} WHERE tenant_id = $1", viewer.tenant.id)
            assert count == 0, table
        assert "errors" not in await gql.op("DaySchedule", {"date": FRIDAY}, actor=viewer)
        assert error_codes(await gql.op("DaySchedule", {"date": FRIDAY})) == ["UNAUTHENTICATED"]
