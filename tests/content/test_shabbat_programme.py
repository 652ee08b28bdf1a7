"""Shabbat mode and the rest of what the screens show: prayer times, Torah classes, aliyah assignments and holiday
overrides. Each is created, updated and deleted by an EDITOR on Friday evening: the admin app reads the edits at once
(with `heldUntil`), while the screens keep the rows as they were until havdalah (a created row not shown, a deleted
one still shown) and show the edits from then; an ADMIN's urgent edit shows at once and is audited, an EDITOR's
urgent is refused with nothing written. The clock is pinned to a Friday evening ahead (2030-03-22 in New York:
candles 18:52, havdalah on Shabbat 19:52, by hebcal's rules); the screen is read at noon on Shabbat and after
havdalah, both the same Saturday. Screens show no aliyot yet: theirs is the day plan the screen is computed from."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import asyncpg
import pytest

from models.base import tenant_scope
from models.content import AliyahAssignment, HolidayOverride, PrayerTime, TorahClass
from models.identity import Role
from models.synagogue import Synagogue
from services.content.holds import holds_at
from services.content.schedule import load_rows, plan_day
from services.content.screen_content import screen_content
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.shabbat import AFTER, HAVDALAH, SHABBAT_NOON, on_friday_night
from tests.support.snapshot import unchanged

SHABBAT = date(2030, 3, 23)
Ids = dict[str, str]


async def _prayer(tenant_id: int, name: str) -> PrayerTime:
    row: PrayerTime = await make(tenant_id, PrayerTime, name=name, days=["SATURDAY"], fixed_time=time(13, 30))
    return row


async def _prayers(tenant_id: int) -> Ids:
    return {name: to_global_id("PrayerTime", (await _prayer(tenant_id, name)).id) for name in ("A", "B")}


async def _classes(tenant_id: int) -> Ids:
    made = {name: await make(tenant_id, TorahClass, title=name, days=["SATURDAY"], time=time(17)) for name in "AB"}
    return {name: to_global_id("TorahClass", row.id) for name, row in made.items()}


async def _aliyot(tenant_id: int) -> Ids:
    made = {
        name: await make(tenant_id, AliyahAssignment, date=SHABBAT, aliyah=aliyah, person_name=name)
        for name, aliyah in (("A", "KOHEN"), ("B", "LEVI"))
    }
    return {name: to_global_id("AliyahAssignment", row.id) for name, row in made.items()}


async def _overrides(tenant_id: int) -> Ids:
    """Prayers A, B and C at 13:30; A and B moved to 14:00 by an override each (C's id kept for a new one)."""
    ids: Ids = {}
    for name in "ABC":
        prayer = await _prayer(tenant_id, name)
        ids["prayer " + name] = to_global_id("PrayerTime", prayer.id)
        if name != "C":
            row = await make(
                tenant_id, HolidayOverride, date=SHABBAT, kind="PRAYER_TIME", prayer_time=prayer, time=time(14)
            )
            ids[name] = to_global_id("HolidayOverride", row.id)
    return ids


@dataclass(frozen=True)
class Shown:
    names: list[str]
    """What the screen shows of the kind, as labels."""
    held_until: datetime | None
    """The screen state's next time boundary but midnight and the zmanim."""


@dataclass(frozen=True)
class Kind:
    name: str
    setup: Callable[[int], Awaitable[Ids]]
    create: tuple[str, str, Callable[[Ids], dict[str, Any]]]
    update: tuple[str, str, Callable[[str], dict[str, Any]]]
    delete: str
    payload: str
    labels: Callable[[Any, list[tuple[str, str]]], list[str]]
    before: list[str]
    after: list[str]
    urgent: list[str]
    """Shown during Shabbat once an ADMIN has urgently updated A (held before) and deleted B."""

    def __str__(self) -> str:
        return self.name


KINDS = [
    Kind(
        "PrayerTime",
        _prayers,
        (
            "createPrayerTime",
            "CreatePrayerTimeInput",
            lambda ids: {"name": "C", "days": ["SATURDAY"], "fixedTime": "21:00"},
        ),
        ("updatePrayerTime", "UpdatePrayerTimeInput", lambda gid: {"id": gid, "name": "A2"}),
        "deletePrayerTime",
        "prayerTime",
        lambda screen, aliyot: sorted(p.name for p in screen.prayers),
        ["A", "B"],
        ["A2", "C"],
        ["A2"],
    ),
    Kind(
        "TorahClass",
        _classes,
        (
            "createTorahClass",
            "CreateTorahClassInput",
            lambda ids: {"title": "C", "days": ["SATURDAY"], "time": "21:30"},
        ),
        ("updateTorahClass", "UpdateTorahClassInput", lambda gid: {"id": gid, "title": "A2"}),
        "deleteTorahClass",
        "torahClass",
        lambda screen, aliyot: sorted(c.title for c in screen.classes),
        ["A", "B"],
        ["A2", "C"],
        ["A2"],
    ),
    Kind(
        "AliyahAssignment",
        _aliyot,
        (
            "assignAliyah",
            "AssignAliyahInput",
            lambda ids: {"date": "2030-03-23", "aliyah": "SHLISHI", "personName": "C"},
        ),
        ("updateAliyahAssignment", "UpdateAliyahAssignmentInput", lambda gid: {"id": gid, "personName": "A2"}),
        "deleteAliyahAssignment",
        "assignment",
        lambda screen, aliyot: sorted(name for _, name in aliyot),
        ["A", "B"],
        ["A2", "C"],
        ["A2"],
    ),
    Kind(
        "HolidayOverride",
        _overrides,
        (
            "setHolidayOverride",
            "SetHolidayOverrideInput",
            lambda ids: {"date": "2030-03-23", "kind": "PRAYER_TIME", "time": "15:00", "prayerTimeId": ids["prayer C"]},
        ),
        ("updateHolidayOverride", "UpdateHolidayOverrideInput", lambda gid: {"id": gid, "time": "14:30"}),
        "deleteHolidayOverride",
        "holidayOverride",
        lambda screen, aliyot: sorted(f"{p.name} {p.time:%H:%M}" for p in screen.prayers),
        ["A 14:00", "B 14:00", "C 13:30"],
        ["A 14:30", "B 13:30", "C 15:00"],
        ["A 14:30", "B 13:30", "C 13:30"],
    ),
]


def _edit(field: str, input_type: str, payload: str) -> str:
    return f"""mutation($input: {input_type}!) {{
  {field}(input: $input) {{ {payload} {{ id heldUntil }} userErrors {{ field code }} }}
}}"""


def _delete(field: str) -> str:
    return f"""mutation($id: ID!, $urgent: Boolean! = false) {{
  {field}(id: $id, urgent: $urgent) {{ deletedId userErrors {{ field code }} }}
}}"""


async def _shown(kind: Kind, tenant_id: int, at: datetime) -> list[str]:
    """What the screens show of `kind` at `at` (the aliyot: the day plan the screen is computed from)."""
    async with tenant_scope(tenant_id):
        screen = await screen_content(tenant_id, at)
        rows = await load_rows(SHABBAT, SHABBAT, await holds_at(at))
        plan = plan_day(await Synagogue.get(id=tenant_id), SHABBAT, rows)
    return kind.labels(screen, plan.aliyot)


@pytest.mark.parametrize("kind", KINDS, ids=str)
async def test_programme_edits_during_shabbat_show_from_havdalah(kind: Kind, gql: GQL, factory: Factory) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    ids = await kind.setup(tenant.id)
    assert await _shown(kind, tenant.id, SHABBAT_NOON) == await _shown(kind, tenant.id, AFTER) == kind.before

    field, input_type, values = kind.create
    created = await on_friday_night(gql, _edit(field, input_type, kind.payload), {"input": values(ids)}, editor)
    field, input_type, change = kind.update
    updated = await on_friday_night(gql, _edit(field, input_type, kind.payload), {"input": change(ids["A"])}, editor)
    deleted = await on_friday_night(gql, _delete(kind.delete), {"id": ids["B"]}, editor)
    for result, name in ((created, kind.create[0]), (updated, kind.update[0])):
        assert user_errors(result, name) == [], result
        assert result["data"][name][kind.payload]["heldUntil"] == HAVDALAH.isoformat()  # the admin app reads it
    assert deleted["data"][kind.delete] == {"deletedId": ids["B"], "userErrors": []}

    assert await _shown(kind, tenant.id, SHABBAT_NOON) == kind.before  # the screens keep what they showed
    assert await _shown(kind, tenant.id, AFTER) == kind.after  # and show the edits from havdalah
    async with tenant_scope(tenant.id):
        during = await screen_content(tenant.id, SHABBAT_NOON)
    assert during.steady_until <= HAVDALAH  # a time boundary: the screens change by themselves then


@pytest.mark.parametrize("kind", KINDS, ids=str)
async def test_an_admins_urgent_programme_edit_shows_at_once_and_is_audited(
    kind: Kind, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    ids = await kind.setup(tenant.id)
    field, input_type, change = kind.update
    document = _edit(field, input_type, kind.payload)
    await on_friday_night(gql, document, {"input": change(ids["A"])}, editor)  # held first
    result = await on_friday_night(gql, document, {"input": {**change(ids["A"]), "urgent": True}}, admin)
    assert result["data"][field][kind.payload]["heldUntil"] is None
    gone = await on_friday_night(gql, _delete(kind.delete), {"id": ids["B"], "urgent": True}, admin)
    assert gone["data"][kind.delete]["userErrors"] == []
    assert await _shown(kind, tenant.id, SHABBAT_NOON) == kind.urgent
    actions = await owner_db.fetch(
        "SELECT action, target_id FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2 ORDER BY id",
        tenant.id,
        admin.user.id,
    )
    assert [(row["action"], row["target_id"]) for row in actions] == [
        ("content.urgent", ids["A"]),
        ("content.urgent", ids["B"]),
    ]


@pytest.mark.parametrize("kind", KINDS, ids=str)
async def test_shabbat_programme_missing_role_an_editors_urgent_and_a_viewers_edit_are_refused(
    kind: Kind, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    viewer = await factory.member(tenant=tenant, role=Role.VIEWER)
    ids = await kind.setup(tenant.id)
    field, input_type, values = kind.create
    create = _edit(field, input_type, kind.payload)
    field, input_type, change = kind.update
    update = _edit(field, input_type, kind.payload)
    async with unchanged(owner_db, tenant):
        for document, variables, name in (
            (create, {"input": {**values(ids), "urgent": True}}, kind.create[0]),
            (update, {"input": {**change(ids["A"]), "urgent": True}}, kind.update[0]),
            (_delete(kind.delete), {"id": ids["B"], "urgent": True}, kind.delete),
        ):
            refused = await on_friday_night(gql, document, variables, editor)
            assert user_errors(refused, name) == [{"field": ["urgent"], "code": "FORBIDDEN"}], refused
            assert error_codes(await on_friday_night(gql, document, variables, viewer)) == ["FORBIDDEN"]


@pytest.mark.parametrize("kind", KINDS, ids=str)
async def test_shabbat_programme_cross_tenant_another_synagogues_rows_are_not_found_even_urgently(
    kind: Kind, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.tenant(shabbat_mode=True)
    outsider = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.ADMIN)
    ids = await kind.setup(victim.id)
    field, input_type, change = kind.update
    async with unchanged(owner_db, victim, outsider):
        for urgent in (False, True):
            variables = {"input": {**change(ids["A"]), "urgent": urgent}}
            result = await on_friday_night(gql, _edit(field, input_type, kind.payload), variables, outsider)
            assert user_errors(result, field) == [{"field": ["id"], "code": "NOT_FOUND"}]
            result = await on_friday_night(gql, _delete(kind.delete), {"id": ids["B"], "urgent": urgent}, outsider)
            assert result["data"][kind.delete]["userErrors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert await _shown(kind, victim.id, SHABBAT_NOON) == kind.before
