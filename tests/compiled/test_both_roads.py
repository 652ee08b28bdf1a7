"""Compiled trusted documents (schema/compiled/) answer byte for byte what the executor answers.

Every trusted document (documents/, which holds ../shared/clients unchanged) runs through both roads against the
same rows: `COMPILED_DOCUMENTS` on, then off, comparing status, headers and body bytes (data, nulls, errors,
key order, `extensions.cost`). The planned ones (the five list queries) are also run by hash, by several
callers, across pages, past the end and with refused arguments, and the test checks that the compiled road did
answer the clean ones (its one statement ran) and declined every refusal to the executor (T1, Z1 shapes)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from graphql import GraphQLNamedType, parse
from graphql.language import ListTypeNode, NamedTypeNode, NonNullTypeNode, OperationDefinitionNode, TypeNode

import schema.compiled.road as road
from config import Settings
from models.content import Memorial, Message, PrayerTime, TorahClass
from models.identity import Role
from schema.assembly import build_schema
from schema.compiled import CompiledRoad
from schema.compiled.objects import ObjectPlan
from schema.compiled.planner import Plan
from services.infra.ids import to_global_id
from services.partners.documents import TrustedDocument, catalogue
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.partners import persisted
from tests.support.roads import counting, on_both_roads
from tests.support.snapshot import unchanged

PLANNED = {"Members", "Memorials", "Messages", "PrayerTimes", "TorahClasses"}
VALUES = {"Date": "2025-06-06", "DateTime": "2025-06-01T00:00:00Z", "Int": 2, "String": "x", "Boolean": False}
OVERRIDES: dict[str, dict[str, Any]] = {
    "Yahrzeits": {"from": "2025-01-01", "to": "2025-12-31"},
    "PartnerUpcomingYahrzeits": {"from": "2025-01-01", "to": "2025-12-31"},
    "MemorialYahrzeits": {"years": [5786, 5787]},
    "Zmanim": {"date": "2025-06-06", "location": None},
    "PublicZmanim": {
        "date": "2025-06-06",
        "location": {"latitude": 31.77, "longitude": 35.21, "timezone": "Asia/Jerusalem"},
    },
    "AliyahAssignments": {"from": "2025-06-01", "to": "2025-06-30"},
    "HolidayOverrides": {"from": "2025-06-01", "to": "2025-06-30"},
}


@pytest.fixture
def both_roads(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A count of the compiled road's pages (the real statement, counted on its way to PostgreSQL): in its own
    transaction (`read_page`, when it reads it) or in `tenant_scope`'s (`fetch_page`)."""
    ran = counting(settings, monkeypatch, road, "fetch_page")
    return counting(settings, monkeypatch, road, "read_page", ran, counts=lambda rows: rows is not None)


def _value(type_node: TypeNode, ids: dict[str, str]) -> Any:
    if isinstance(type_node, NonNullTypeNode):
        return _value(type_node.type, ids)
    if isinstance(type_node, ListTypeNode):
        return [_value(type_node.type, ids)]
    assert isinstance(type_node, NamedTypeNode)
    name = type_node.name.value
    if name == "ID":
        return ids["Memorial"]
    named: GraphQLNamedType | None = build_schema()._schema.get_type(name)
    values = getattr(named, "values", None)
    return next(iter(values)) if values else VALUES.get(name)


def _variables(document: TrustedDocument, ids: dict[str, str]) -> dict[str, Any]:
    operation = next(d for d in parse(document.text).definitions if isinstance(d, OperationDefinitionNode))
    variables = {
        d.variable.name.value: _value(d.type, ids)
        for d in operation.variable_definitions or ()
        if isinstance(d.type, NonNullTypeNode)
    }
    return {**variables, **OVERRIDES.get(document.operation_name, {})}


async def _tenant_with_content(factory: Factory) -> tuple[Actor, dict[str, str]]:
    owner = await factory.member(role=Role.OWNER)
    tenant = owner.tenant
    for n in range(5):
        await factory.member(tenant=tenant, role=Role.VIEWER, display_name=f"Member {n} שלום")
    ids: dict[str, str] = {}
    for n in range(7):
        memorial = await make(
            tenant.id, Memorial, name=f"Memorial {n}", hebrew_name=f"פלוני בן {n}", hebrew_year=5780 + n,
            hebrew_month=("ADAR_II", "TISHREI", "CHESHVAN")[n % 3] if n % 3 else "TISHREI", hebrew_day=1 + 4 * n,
            plaque=f"P{n}", date_of_death=date(2020, 1, 1 + n) if n % 2 else None,
        )  # fmt: skip
        ids["Memorial"] = to_global_id("Memorial", memorial.id)
    for n in range(3):
        await make(
            tenant.id, PrayerTime, name=f"Minyan {n}", days=["MONDAY", "SUNDAY"][: n + 1], day_kinds=["FAST_DAY"] * n,
            fixed_time=time(6, 5 * n) if n != 1 else None, relative_to="plagHaMincha" if n == 1 else None,
            round_to_minutes=5 * n, round_direction=("DOWN", "UP", "NEAREST")[n], sort_order=3 - n,
            valid_from=date(2025, 1, 1) if n else None, location="בית מדרש",
        )  # fmt: skip
        await make(tenant.id, TorahClass, title=f"Shiur {n}", days=["TUESDAY"], time=time(20 - n, 15), teacher="R")
    now = datetime.now(UTC)
    for n in range(4):
        await make(
            tenant.id, Message, title=f"Notice {n} \"quoted\" ✡", body="line\nbreak", priority=n % 2,
            starts_at=now - timedelta(days=1) if n else None, ends_at=now + timedelta(days=n) if n > 1 else None,
        )  # fmt: skip
    return owner, ids


async def test_every_trusted_document_answers_alike_on_both_roads(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, both_roads: list[int]
) -> None:
    owner, ids = await _tenant_with_content(factory)
    for document in catalogue().all():
        if document.operation_type != "query":
            continue
        name = document.operation_name
        body = {"query": document.text, "variables": _variables(document, ids), "operationName": name}
        await on_both_roads(http, settings, body, owner.headers())
    assert len(both_roads) == len(PLANNED), "the compiled road answered each planned document once"


async def test_planned_documents_by_hash_across_pages_and_callers(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, both_roads: list[int]
) -> None:
    owner, _ = await _tenant_with_content(factory)
    viewer = await factory.member(tenant=owner.tenant, role=Role.VIEWER)
    tv = await make_tv(owner.tenant)
    documents = {doc.operation_name: doc for doc in catalogue().all() if doc.operation_name in PLANNED}
    answered = 0
    for name, document in documents.items():
        first_request = persisted(document.id, variables={"first": 2})
        first_page = await on_both_roads(http, settings, first_request, viewer.headers())
        connection = next(iter(first_page.json()["data"].values()))
        assert len(connection["edges"]) == 2 and connection["totalCount"] >= 3
        after = connection.get("pageInfo", {}).get("endCursor", "bzox")
        answered += 2
        for variables in ({"first": 2, "after": after}, {"first": 100}, {"first": 1, "after": None}, {}):
            await on_both_roads(http, settings, {"query": document.text, "variables": variables}, owner.headers())
            answered += 1
        for refused in ({"first": 0}, {"first": 101}, {"first": "2"}, {"first": 2, "after": "not a cursor"},
                        {"first": None}):  # fmt: skip
            await on_both_roads(http, settings, {"query": document.text, "variables": refused}, owner.headers())
        past_end = {"first": 2, "after": "bzo5OTk"}  # offset 999: the executor counts an empty page apart
        await on_both_roads(http, settings, {"query": document.text, "variables": past_end}, owner.headers())
        answered += "$after" not in document.text  # a document without `after` reads the first page
        response = await on_both_roads(http, settings, {"query": document.text}, tv.headers)
        answered += name != "Members"  # members are for members: a device is refused by the executor
        assert ("errors" in response.json()) == (name == "Members")
    assert len(both_roads) == answered


async def test_planned_documents_in_a_clients_own_layout(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, both_roads: list[int]
) -> None:
    """A trusted document sent with other spacing, commas and comments is still the trusted document; one with a
    fragment it does not use, or a second operation, is not (the executor refuses or runs it as sent)."""
    owner, _ = await _tenant_with_content(factory)
    documents = [doc for doc in catalogue().all() if doc.operation_name in PLANNED]
    for document in documents:
        layout = "# sent by a client\n" + document.text.replace("\n", " ,\n  ").replace("{", "{ # open\n")
        await on_both_roads(http, settings, {"query": layout, "variables": {"first": 2}}, owner.headers())
    assert len(both_roads) == len(documents)
    for document in documents:
        unused = document.text + "\n\nfragment Unused on Query { __typename }"
        second = document.text + "\n\nquery Other { __typename }"
        await on_both_roads(http, settings, {"query": unused}, owner.headers())
        named = {"query": second, "operationName": document.operation_name}
        await on_both_roads(http, settings, named, owner.headers())
    assert len(both_roads) == len(documents)


async def test_compiled_cross_tenant_reads_are_refused_alike(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, owner_db: asyncpg.Connection, both_roads: list[int]
) -> None:
    owner, _ = await _tenant_with_content(factory)
    stranger = await factory.member(role=Role.OWNER)
    for name in PLANNED:
        document = next(doc for doc in catalogue().all() if doc.operation_name == name)
        async with unchanged(owner_db, owner, stranger):
            response = await on_both_roads(http, settings, persisted(document.id), stranger.headers(owner.tenant))
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        mine = await on_both_roads(http, settings, persisted(document.id), stranger.headers())
        assert "Memorial 0" not in mine.text and "Notice" not in mine.text
    assert len(both_roads) == len(PLANNED)


async def test_compiled_missing_role_is_refused_alike(
    http: httpx.AsyncClient, settings: Settings, factory: Factory, owner_db: asyncpg.Connection, both_roads: list[int]
) -> None:
    owner, _ = await _tenant_with_content(factory)
    tv = await make_tv(owner.tenant)
    members = next(doc for doc in catalogue().all() if doc.operation_name == "Members")
    async with unchanged(owner_db, owner):
        refused = await on_both_roads(http, settings, persisted(members.id), tv.headers)
        anonymous = await on_both_roads(http, settings, persisted(members.id), {"X-Tenant-ID": owner.tenant_gid or ""})
    assert [e["extensions"]["code"] for e in refused.json()["errors"]] == ["FORBIDDEN"]
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert both_roads == []


def test_only_list_queries_and_the_screen_are_planned() -> None:
    compiled = CompiledRoad(build_schema(), catalogue())
    plans = {doc.operation_name: compiled.plan(doc) for doc in catalogue().all()}
    assert {name for name, plan in plans.items() if isinstance(plan, Plan)} == PLANNED
    assert {name for name, plan in plans.items() if isinstance(plan, ObjectPlan)} == {"Screen"}
