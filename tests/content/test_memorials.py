"""Memorials: CreateMemorial / Memorials / MemorialYahrzeits / Yahrzeits, updates, deletes, no N+1."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import asyncpg

import luach
from models.base import tenant_scope
from models.content import Memorial
from models.identity import Role
from services.content.memorials import update_memorial
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged
from tests.support.statements import count_statements


async def _count(owner_db: asyncpg.Connection, tenant_id: int) -> int:
    return int(await owner_db.fetchval("SELECT count(*) FROM content_memorial WHERE tenant_id = $1", tenant_id))


async def test_create_memorial_from_civil_date_after_sunset(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    variables = {
        "input": {
            "name": "Sarah Levi",
            "hebrewName": "שרה בת אברהם",
            "dateOfDeath": "2020-03-04",
            "afterSunset": True,
            "plaque": "A3",
        }
    }
    result = await gql.op("CreateMemorial", variables, actor=actor)
    assert user_errors(result, "createMemorial") == []
    memorial = result["data"]["createMemorial"]["memorial"]
    expected = luach.hebrew_date_of_death(date(2020, 3, 4), True)
    assert memorial["hebrewDateOfDeath"] == {
        "day": expected.day, "month": expected.month.value, "year": expected.year, "display": expected.display
    }  # fmt: skip
    assert memorial["hebrewDateOfDeath"]["day"] == 9 and memorial["hebrewDateOfDeath"]["month"] == "ADAR"
    today = datetime.now(ZoneInfo("America/New_York")).date()
    assert memorial["nextYahrzeit"] == luach.next_yahrzeit(expected, today).isoformat()
    assert date.fromisoformat(memorial["nextYahrzeit"]) >= today
    assert memorial["afterSunset"] is True and memorial["plaque"] == "A3"


async def test_create_memorial_from_hebrew_date_and_yahrzeits(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    hebrew = {"day": 30, "month": "CHESHVAN", "year": 5783}
    result = await gql.op("CreateMemorial", {"input": {"name": "Chaim", "hebrewDateOfDeath": hebrew}}, actor=actor)
    assert user_errors(result, "createMemorial") == []
    memorial = result["data"]["createMemorial"]["memorial"]
    assert memorial["dateOfDeath"] is None and memorial["hebrewDateOfDeath"]["display"] == "30 Cheshvan 5783"
    years = [5782, 5783, 5784, 5785, 5786, 5787]
    result = await gql.op("MemorialYahrzeits", {"id": memorial["id"], "years": years}, actor=actor)
    death = luach.HebrewDate(5783, luach.HebrewMonth.CHESHVAN, 30)
    got = {y["hebrewYear"]: y["date"] for y in result["data"]["node"]["yahrzeits"]}
    assert got[5782] is None and got[5783] is None
    for year in years[2:]:
        expected = luach.yahrzeit(death, year)
        assert expected is not None and got[year] == expected.isoformat()


async def test_invalid_memorials_are_refused_and_nothing_written(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    actor = await factory.member(role=Role.EDITOR)
    cases = [
        (
            {"name": "x", "hebrewDateOfDeath": {"day": 30, "month": "TEVET", "year": 5784}},
            ["hebrewDateOfDeath", "day"],
            "INVALID_DATE",
        ),
        (
            {"name": "x", "hebrewDateOfDeath": {"day": 1, "month": "ADAR_II", "year": 5783}},
            ["hebrewDateOfDeath", "month"],
            "INVALID_DATE",
        ),
        (
            {"name": "x", "dateOfDeath": "2001-01-01", "hebrewDateOfDeath": {"day": 1, "month": "TEVET", "year": 5784}},
            ["dateOfDeath"],
            "CONFLICT",
        ),
        ({"name": "x"}, ["dateOfDeath"], "REQUIRED"),
        ({"name": "", "dateOfDeath": "2001-01-01"}, ["name"], "REQUIRED"),
        ({"name": "x", "dateOfDeath": "2199-01-01"}, ["dateOfDeath"], "INVALID_DATE"),  # in the future
        ({"name": "x", "dateOfDeath": "2001-01-01", "familyEmail": "not-an-email"}, ["familyEmail"], "INVALID"),
    ]
    for memorial_input, field, code in cases:
        errors = user_errors(await gql.op("CreateMemorial", {"input": memorial_input}, actor=actor), "createMemorial")
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], memorial_input
    assert await _count(tenant_db, actor.tenant.id) == 0


async def test_update_and_delete_memorial(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    actor = await factory.member(role=Role.EDITOR)
    row = await make(actor.tenant.id, Memorial, name="Old", hebrew_year=5780, hebrew_month="TEVET", hebrew_day=10)
    gid = to_global_id("Memorial", row.id)
    update = """mutation($input: UpdateMemorialInput!) { updateMemorial(input: $input) {
        memorial { name dateOfDeath hebrewDateOfDeath { display } familyEmail } userErrors { field code } } }"""
    result = await gql(
        update,
        {"input": {"id": gid, "name": "New", "dateOfDeath": "2019-12-08", "familyEmail": "f@example.org"}},
        actor=actor,
    )
    assert user_errors(result, "updateMemorial") == []
    memorial = result["data"]["updateMemorial"]["memorial"]
    assert memorial["name"] == "New" and memorial["hebrewDateOfDeath"]["display"] == "10 Kislev 5780"
    assert memorial["familyEmail"] == "f@example.org"
    result = await gql(
        update, {"input": {"id": gid, "hebrewDateOfDeath": {"day": 30, "month": "TEVET", "year": 5780}}}, actor=actor
    )
    assert [e["code"] for e in user_errors(result, "updateMemorial")] == ["INVALID_DATE"]
    delete = "mutation($id: ID!) { deleteMemorial(id: $id) { deletedId userErrors { code } } }"
    assert (await gql(delete, {"id": gid}, actor=actor))["data"]["deleteMemorial"]["deletedId"] == gid
    assert await _count(tenant_db, actor.tenant.id) == 0


async def test_yahrzeit_board_orders_by_date_and_stays_in_tenant(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.VIEWER)
    other = await factory.member()
    await make(actor.tenant.id, Memorial, name="B", hebrew_year=5770, hebrew_month="NISAN", hebrew_day=20)
    await make(actor.tenant.id, Memorial, name="A", hebrew_year=5770, hebrew_month="NISAN", hebrew_day=5)
    await make(actor.tenant.id, Memorial, name="Later", hebrew_year=5770, hebrew_month="ELUL", hebrew_day=5)
    await make(other.tenant.id, Memorial, name="Foreign", hebrew_year=5770, hebrew_month="NISAN", hebrew_day=6)
    result = await gql.op("Yahrzeits", {"from": "2025-04-01", "to": "2025-04-30"}, actor=actor)
    assert "errors" not in result, result
    board = result["data"]["yahrzeits"]
    assert [(y["memorial"]["name"], y["date"], y["hebrewDate"]["display"]) for y in board] == [
        ("A", "2025-04-03", "5 Nisan 5785"),
        ("B", "2025-04-18", "20 Nisan 5785"),
    ]
    too_long = await gql.op("Yahrzeits", {"from": "2025-01-01", "to": "2027-01-01"}, actor=actor)
    assert error_codes(too_long) == ["BAD_USER_INPUT"]


async def test_memorials_page_costs_the_same_statements_for_5_and_100(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.VIEWER)
    for i in range(110):
        await make(
            actor.tenant.id,
            Memorial,
            name=f"M{i:03}",
            hebrew_year=5760 + i % 20,
            hebrew_month="SIVAN",
            hebrew_day=1 + i % 29,
        )
    await gql.op("Memorials", {"first": 1}, actor=actor)  # the caller is read once, then kept by the process
    with count_statements() as small:
        few = await gql.op("Memorials", {"first": 5}, actor=actor)
    with count_statements() as large:
        many = await gql.op("Memorials", {"first": 100}, actor=actor)
    assert len(few["data"]["memorials"]["edges"]) == 5 and len(many["data"]["memorials"]["edges"]) == 100
    assert many["data"]["memorials"]["totalCount"] == 110
    assert len(small) > 0
    assert len(small) == len(large), (small, large)


async def test_T1_cross_tenant_foreign_memorial_is_invisible(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member()
    row = await make(b.tenant.id, Memorial, name="B", hebrew_year=5770, hebrew_month="AV", hebrew_day=9)
    gid = to_global_id("Memorial", row.id)
    async with unchanged(owner_db, b.tenant, a):
        result = await gql.op("MemorialYahrzeits", {"id": gid, "years": [5785]}, actor=a)
        assert result["data"]["node"] is None
        delete = "mutation($id: ID!) { deleteMemorial(id: $id) { deletedId userErrors { code } } }"
        deleted = await gql(delete, {"id": gid}, actor=a)
        assert deleted["data"]["deleteMemorial"]["userErrors"][0]["code"] == "NOT_FOUND"
        assert await tenant_db.fetchval("SELECT count(*) FROM content_memorial WHERE id = $1", row.id) == 1
        assert (await gql.op("Memorials", actor=a))["data"]["memorials"]["totalCount"] == 0


async def test_Z1_missing_role_viewer_cannot_create_memorial_Z2_nor_read_family_email(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    async with unchanged(owner_db, viewer):
        result = await gql.op("CreateMemorial", {"input": {"name": "x", "dateOfDeath": "2001-01-01"}}, actor=viewer)
        assert error_codes(result) == ["FORBIDDEN"]
        assert await _count(tenant_db, viewer.tenant.id) == 0
    await make(
        viewer.tenant.id,
        Memorial,
        name="P",
        hebrew_year=5770,
        hebrew_month="AV",
        hebrew_day=9,
        family_email="p@example.org",
    )
    async with unchanged(owner_db, viewer):
        result = await gql("{ memorials(first: 5) { edges { node { name familyEmail } } } }", actor=viewer)
        assert error_codes(result) == ["FORBIDDEN"]
        assert result["data"]["memorials"]["edges"][0]["node"] == {"name": "P", "familyEmail": None}


async def test_an_edit_keeps_the_reminder_a_sweep_marked_since_the_memorial_was_read(factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    reminded = date(2030, 5, 1)
    async with tenant_scope(actor.tenant.id):
        created = await Memorial.create(name="Reb Zalman", hebrew_year=5780, hebrew_month="NISAN", hebrew_day=3)
        read = await Memorial.get(id=created.id)  # the mutation's row
        await Memorial.filter(id=created.id).update(reminded_for=reminded)  # a sweep claims the reminder meanwhile
        assert await update_memorial(read, {"plaque": "B7"}, date(2026, 12, 5)) == []
        row = await Memorial.get(id=created.id)
    assert (row.plaque, row.reminded_for) == ("B7", reminded)
