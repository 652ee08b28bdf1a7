"""Every content mutation, one matrix: a viewer (Z1) and a member of another synagogue (T1) are FORBIDDEN, an id
of another synagogue's row is NOT_FOUND (T3), and none of them changes a row or queues a job (the snapshot of
tests/support/snapshot.py, taken before and compared after)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import asyncpg
from strawberry.types.base import get_object_definition
from strawberry.utils.str_converters import to_camel_case as to_camel

from models.content import AliyahAssignment, HolidayOverride, Memorial, Message, PrayerTime, TorahClass
from models.identity import Role
from models.media import Media, MediaKind
from resolvers.content.mutations import ContentMutation as Mutation
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

Ids = dict[str, str]
Case = tuple[str, str, Callable[[Ids], dict[str, Any]]]
"""(mutation field, input type or "" for an `id` argument or "-" for none, variables from the rows' ids)"""

CASES: list[Case] = [
    ("createMessage", "CreateMessageInput", lambda ids: {"title": "x"}),
    ("updateMessage", "UpdateMessageInput", lambda ids: {"id": ids["Message"], "title": "x"}),
    ("deleteMessage", "", lambda ids: {"id": ids["Message"]}),
    ("createMemorial", "CreateMemorialInput", lambda ids: {"name": "x", "dateOfDeath": "2001-01-01"}),
    ("updateMemorial", "UpdateMemorialInput", lambda ids: {"id": ids["Memorial"], "name": "x"}),
    ("deleteMemorial", "", lambda ids: {"id": ids["Memorial"]}),
    ("importMemorials", "ImportMemorialsInput", lambda ids: {"csv": "name,date_of_death\nx,2001-01-01\n"}),
    ("createPrayerTime", "CreatePrayerTimeInput", lambda ids: {"name": "x", "days": ["MONDAY"], "fixedTime": "13:00"}),
    ("updatePrayerTime", "UpdatePrayerTimeInput", lambda ids: {"id": ids["PrayerTime"], "name": "x"}),
    ("deletePrayerTime", "", lambda ids: {"id": ids["PrayerTime"]}),
    (
        "setHolidayOverride",
        "SetHolidayOverrideInput",
        lambda ids: {"date": "2030-01-04", "kind": "PRAYER_TIME", "time": "07:00", "prayerTimeId": ids["PrayerTime"]},
    ),
    ("updateHolidayOverride", "UpdateHolidayOverrideInput", lambda ids: {"id": ids["HolidayOverride"], "note": "x"}),
    ("deleteHolidayOverride", "", lambda ids: {"id": ids["HolidayOverride"]}),
    ("createTorahClass", "CreateTorahClassInput", lambda ids: {"title": "x", "days": ["MONDAY"], "time": "20:00"}),
    ("updateTorahClass", "UpdateTorahClassInput", lambda ids: {"id": ids["TorahClass"], "title": "x"}),
    ("deleteTorahClass", "", lambda ids: {"id": ids["TorahClass"]}),
    ("assignAliyah", "AssignAliyahInput", lambda ids: {"date": "2030-01-05", "aliyah": "LEVI", "personName": "x"}),
    (
        "updateAliyahAssignment",
        "UpdateAliyahAssignmentInput",
        lambda ids: {"id": ids["AliyahAssignment"], "personName": "x"},
    ),
    ("deleteAliyahAssignment", "", lambda ids: {"id": ids["AliyahAssignment"]}),
    ("updateDailyContentPreferences", "UpdateDailyContentPreferencesInput", lambda ids: {"showOmer": False}),
    ("resetDailyContentPreferences", "-", lambda ids: {}),
    (
        "createUpload",
        "CreateUploadInput",
        lambda ids: {"kind": "MEMORIAL_PHOTO", "contentType": "image/png", "byteSize": 9},
    ),
    (
        "attachMemorialPhoto",
        "AttachMemorialPhotoInput",
        lambda ids: {"memorialId": ids["Memorial"], "mediaId": ids["Media"]},
    ),
    (
        "attachMessageImage",
        "AttachMessageImageInput",
        lambda ids: {"messageId": ids["Message"], "mediaId": ids["Media"]},
    ),
    ("removeMemorialPhoto", "RemoveMemorialPhotoInput", lambda ids: {"memorialId": ids["Memorial"]}),
    ("removeMessageImage", "RemoveMessageImageInput", lambda ids: {"messageId": ids["Message"]}),
]
TAKES_AN_ID = [
    case for case in CASES if case[0].startswith(("update", "delete")) and case[1] != "-" and "Daily" not in case[0]
]


def document(field: str, argument: str) -> str:
    if argument == "-":
        return f"mutation {{ {field} {{ userErrors {{ field code }} }} }}"
    if argument == "":
        return f"mutation($id: ID!) {{ {field}(id: $id) {{ userErrors {{ field code }} }} }}"
    return f"mutation($input: {argument}!) {{ {field}(input: $input) {{ userErrors {{ field code }} }} }}"


def variables(argument: str, values: dict[str, Any]) -> dict[str, Any]:
    if argument == "-":
        return {}
    return values if argument == "" else {"input": values}


async def content_of(tenant_id: int) -> Ids:
    """One row of every kind in the tenant, by global id."""
    prayer = await make(tenant_id, PrayerTime, name="Shacharit", days=["MONDAY"], fixed_time=time(7))
    rows = {
        "Message": await make(tenant_id, Message, title="Kiddush"),
        "Memorial": await make(
            tenant_id, Memorial, name="Reb Chaim", hebrew_year=5760, hebrew_month="SIVAN", hebrew_day=1
        ),
        "PrayerTime": prayer,
        "TorahClass": await make(tenant_id, TorahClass, title="Daf", days=["MONDAY"], time=time(20)),
        "AliyahAssignment": await make(
            tenant_id, AliyahAssignment, date=date(2030, 1, 5), aliyah="KOHEN", person_name="Moshe"
        ),
        "HolidayOverride": await make(
            tenant_id, HolidayOverride, date=date(2030, 1, 4), kind="PRAYER_TIME", prayer_time=prayer, time=time(6)
        ),
        "Media": await make(
            tenant_id,
            Media,
            kind=MediaKind.MEMORIAL_PHOTO,
            content_type="image/png",
            declared_bytes=9,
            upload_key=f"t{tenant_id}/matrix/original",
            upload_expires_at=datetime(2030, 1, 1, tzinfo=UTC),
        ),
    }
    return {kind: to_global_id(kind, row.id) for kind, row in rows.items()}


def test_every_content_mutation_is_in_the_matrix() -> None:
    fields = {f.graphql_name or to_camel(f.name) for f in get_object_definition(Mutation, strict=True).fields}
    assert fields == {case[0] for case in CASES}


async def test_Z1_missing_role_a_viewer_can_run_no_content_mutation(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    ids = await content_of(viewer.tenant.id)
    async with unchanged(owner_db, viewer):
        for field, argument, values in CASES:
            result = await gql(document(field, argument), variables(argument, values(ids)), actor=viewer)
            assert error_codes(result) == ["FORBIDDEN"], (field, result)


async def test_T1_cross_tenant_a_member_of_another_synagogue_can_run_no_content_mutation_in_it(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(role=Role.OWNER)
    outsider: Actor = await factory.member(role=Role.OWNER)
    ids = await content_of(victim.tenant.id)
    async with unchanged(owner_db, victim.tenant, outsider):
        for field, argument, values in CASES:
            result = await gql(
                document(field, argument), variables(argument, values(ids)), actor=outsider, tenant=victim.tenant
            )
            assert error_codes(result) == ["FORBIDDEN"], (field, result)


async def test_T3_cross_tenant_another_synagogues_ids_are_not_found_by_every_update_and_delete(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(role=Role.OWNER)
    editor = await factory.member(role=Role.EDITOR)
    ids = await content_of(victim.tenant.id)
    async with unchanged(owner_db, victim.tenant, editor):
        for field, argument, values in TAKES_AN_ID:
            result = await gql(document(field, argument), variables(argument, values(ids)), actor=editor)
            assert "errors" not in result, (field, result)
            assert result["data"][field]["userErrors"] == [{"field": ["id"], "code": "NOT_FOUND"}], field
        field, argument, values = next(case for case in CASES if case[0] == "setHolidayOverride")
        result = await gql(document(field, argument), variables(argument, values(ids)), actor=editor)
        assert result["data"][field]["userErrors"] == [{"field": ["prayerTimeId"], "code": "NOT_FOUND"}]
        for field, named in (("removeMemorialPhoto", "memorialId"), ("removeMessageImage", "messageId")):
            field, argument, values = next(case for case in CASES if case[0] == field)
            result = await gql(document(field, argument), variables(argument, values(ids)), actor=editor)
            assert result["data"][field]["userErrors"] == [{"field": [named], "code": "NOT_FOUND"}], field
