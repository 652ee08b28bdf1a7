"""Torah classes, aliyah assignments, holiday overrides and daily-content preferences: list, update, delete."""

from __future__ import annotations

from datetime import date, time

import asyncpg

from models.content import AliyahAssignment, TorahClass
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

CLASSES = "{ torahClasses(first: 10) { totalCount edges { node { id title teacher days time } } } }"
UPDATE_CLASS = """mutation($input: UpdateTorahClassInput!) { updateTorahClass(input: $input) {
    torahClass { title days time } userErrors { field code } } }"""
DELETE_CLASS = "mutation($id: ID!) { deleteTorahClass(id: $id) { deletedId userErrors { code } } }"
ALIYOT = """query($from: Date!, $to: Date!) { aliyahAssignments(from: $from, to: $to) {
    totalCount edges { node { id date aliyah personName notifyEmail } } } }"""
DELETE_ALIYAH = "mutation($id: ID!) { deleteAliyahAssignment(id: $id) { deletedId userErrors { code } } }"
PREFS = "{ dailyContentPreferences { showDafYomi showOmer zmanim } }"
UPDATE_PREFS = """mutation($input: UpdateDailyContentPreferencesInput!) { updateDailyContentPreferences(input: $input) {
    preferences { showDafYomi zmanim } userErrors { field code } } }"""
OVERRIDES = """query($from: Date!, $to: Date!) { holidayOverrides(from: $from, to: $to) {
    totalCount edges { node { id date kind time } } } }"""


async def test_torah_class_update_and_delete(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    created = await gql.op(
        "CreateTorahClass", {"input": {"title": "Gemara", "days": ["MONDAY"], "time": "20:00"}}, actor=editor
    )
    gid = created["data"]["createTorahClass"]["torahClass"]["id"]
    result = await gql(
        UPDATE_CLASS, {"input": {"id": gid, "days": ["THURSDAY", "MONDAY"], "time": "21:15"}}, actor=editor
    )
    assert result["data"]["updateTorahClass"] == {
        "torahClass": {"title": "Gemara", "days": ["MONDAY", "THURSDAY"], "time": "21:15"},
        "userErrors": [],
    }
    result = await gql(UPDATE_CLASS, {"input": {"id": gid, "title": ""}}, actor=editor)
    assert result["data"]["updateTorahClass"]["userErrors"] == [{"field": ["title"], "code": "REQUIRED"}]
    assert (await gql(CLASSES, actor=editor))["data"]["torahClasses"]["totalCount"] == 1
    assert (await gql(DELETE_CLASS, {"id": gid}, actor=editor))["data"]["deleteTorahClass"]["deletedId"] == gid
    assert (await gql(CLASSES, actor=editor))["data"]["torahClasses"]["totalCount"] == 0


async def test_aliyah_reassignment_replaces_and_lists_in_order(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    for aliyah, person in (("MAFTIR", "Boy"), ("KOHEN", "First"), ("KOHEN", "Second")):
        variables = {"input": {"date": "2025-06-07", "aliyah": aliyah, "personName": person, "notify": True,
                               "notifyEmail": "p@example.org"}}  # fmt: skip
        result = await gql.op("AssignAliyah", variables, actor=editor)
        assert result["data"]["assignAliyah"]["userErrors"] == []
    listed = (await gql(ALIYOT, {"from": "2025-06-01", "to": "2025-06-30"}, actor=editor))["data"]["aliyahAssignments"]
    assert [(e["node"]["aliyah"], e["node"]["personName"]) for e in listed["edges"]] == [
        ("KOHEN", "Second"),
        ("MAFTIR", "Boy"),
    ]
    assert listed["edges"][0]["node"]["notifyEmail"] == "p@example.org"
    gid = listed["edges"][0]["node"]["id"]
    assert (await gql(DELETE_ALIYAH, {"id": gid}, actor=editor))["data"]["deleteAliyahAssignment"]["deletedId"] == gid


async def test_daily_content_preferences(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    defaults = (await gql(PREFS, actor=editor))["data"]["dailyContentPreferences"]
    assert defaults["showDafYomi"] is True and "SUNRISE" in defaults["zmanim"]
    result = await gql(UPDATE_PREFS, {"input": {"showDafYomi": False, "zmanim": ["SUNSET", "TZEIT"]}}, actor=editor)
    assert result["data"]["updateDailyContentPreferences"] == {
        "preferences": {"showDafYomi": False, "zmanim": ["SUNSET", "TZEIT"]},
        "userErrors": [],
    }
    result = await gql(UPDATE_PREFS, {"input": {"zmanim": ["CANDLE_LIGHTING"]}}, actor=editor)
    assert result["data"]["updateDailyContentPreferences"]["userErrors"] == [{"field": ["zmanim"], "code": "INVALID"}]
    assert (await gql(PREFS, actor=editor))["data"]["dailyContentPreferences"]["zmanim"] == ["SUNSET", "TZEIT"]


async def test_holiday_overrides_list_and_replace(gql: GQL, factory: Factory) -> None:
    editor = await factory.member(role=Role.EDITOR)
    override = (
        "mutation($input: SetHolidayOverrideInput!) { setHolidayOverride(input: $input) { userErrors { code } } }"
    )
    for at in ("19:30", "19:40"):
        await gql(override, {"input": {"date": "2025-09-22", "kind": "CANDLE_LIGHTING", "time": at}}, actor=editor)
    listed = (await gql(OVERRIDES, {"from": "2025-09-01", "to": "2025-09-30"}, actor=editor))["data"][
        "holidayOverrides"
    ]
    assert [(e["node"]["kind"], e["node"]["time"]) for e in listed["edges"]] == [("CANDLE_LIGHTING", "19:40")]


async def test_T3_cross_tenant_foreign_class_and_aliyah_are_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member()
    shiur = await make(b.tenant.id, TorahClass, title="B", days=["MONDAY"], time=time(20))
    aliyah = await make(b.tenant.id, AliyahAssignment, date=date(2025, 6, 7), aliyah="KOHEN", person_name="B")
    async with unchanged(owner_db, b.tenant, a):
        result = await gql(DELETE_CLASS, {"id": to_global_id("TorahClass", shiur.id)}, actor=a)
        assert result["data"]["deleteTorahClass"]["userErrors"] == [{"code": "NOT_FOUND"}]
        result = await gql(DELETE_ALIYAH, {"id": to_global_id("AliyahAssignment", aliyah.id)}, actor=a)
        assert result["data"]["deleteAliyahAssignment"]["userErrors"] == [{"code": "NOT_FOUND"}]
        assert await tenant_db.fetchval("SELECT count(*) FROM content_torah_class WHERE id = $1", shiur.id) == 1
        listed = await gql(ALIYOT, {"from": "2025-06-01", "to": "2025-06-30"}, actor=a)
        assert listed["data"]["aliyahAssignments"]["totalCount"] == 0


async def test_Z1_missing_role_viewer_cannot_change_programme_Z2_nor_read_notify_email(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    await make(viewer.tenant.id, AliyahAssignment, date=date(2025, 6, 7), aliyah="LEVI",
               person_name="V", notify_email="v@example.org")  # fmt: skip
    async with unchanged(owner_db, viewer):
        assert error_codes(await gql(UPDATE_PREFS, {"input": {"showOmer": False}}, actor=viewer)) == ["FORBIDDEN"]
        assert (await gql(PREFS, actor=viewer))["data"]["dailyContentPreferences"]["showOmer"] is True
        result = await gql(ALIYOT, {"from": "2025-06-01", "to": "2025-06-30"}, actor=viewer)
        assert error_codes(result) == ["FORBIDDEN"]
        assert result["data"]["aliyahAssignments"]["edges"][0]["node"]["notifyEmail"] is None
        assert result["data"]["aliyahAssignments"]["edges"][0]["node"]["personName"] == "V"
