"""CreateSynagogue, Synagogue and UpdateSynagogue, with several tenants and every role."""

from __future__ import annotations

from typing import Any

import asyncpg
from limits import parse

from models.identity import Membership, Role
from models.synagogue import Synagogue
from tests.support.actors import Factory, unique
from tests.support.graphql import GQL, error_codes
from tests.support.placement import connect_to_rows
from tests.support.snapshot import unchanged

PLACE = {"timezone": "Asia/Jerusalem", "latitude": 31.778, "longitude": 35.235}


def codes(payload: dict[str, Any]) -> dict[str, str]:
    return {".".join(e["field"] or []): e["code"] for e in payload["userErrors"]}


async def test_create_synagogue_makes_the_creator_owner(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    actor_token = factory.token(user)
    name = f"Kehilat {unique('Ohr')} Torah"
    result = await gql.op(
        "CreateSynagogue",
        {"input": {"name": name, **PLACE, "elevation": 754, "inIsrael": True}},
        headers={"Authorization": f"Bearer {actor_token}"},
    )
    assert "errors" not in result, result
    payload = result["data"]["createSynagogue"]
    assert payload["userErrors"] == []
    created = payload["synagogue"]
    assert created["name"] == name and created["inIsrael"] is True and created["elevation"] == 754
    assert created["slug"] == name.lower().replace(" ", "-")
    row = await Synagogue.get(slug=created["slug"])
    membership = await Membership.get(user_id=user.id, synagogue_id=row.id)
    assert membership.role == Role.OWNER


async def test_create_synagogue_makes_slugs_unique(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.VIEWER)
    name = unique("Beth Shalom")
    slugs = []
    for _ in range(3):
        result = await gql.op("CreateSynagogue", {"input": {"name": name, **PLACE}}, actor=actor)
        slugs.append(result["data"]["createSynagogue"]["synagogue"]["slug"])
    base = name.lower().replace(" ", "-")
    assert slugs == [base, f"{base}-2", f"{base}-3"]


async def test_create_synagogue_refuses_a_taken_or_malformed_slug(gql: GQL, factory: Factory) -> None:
    actor = await factory.member()
    taken = await gql.op("CreateSynagogue", {"input": {"name": "X", "slug": actor.tenant.slug, **PLACE}}, actor=actor)
    assert codes(taken["data"]["createSynagogue"]) == {"slug": "TAKEN"}
    bad = await gql.op("CreateSynagogue", {"input": {"name": "X", "slug": "Not A Slug!", **PLACE}}, actor=actor)
    assert codes(bad["data"]["createSynagogue"]) == {"slug": "INVALID"}


async def test_create_synagogue_validates_and_writes_nothing(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    actor = await factory.member()
    name = unique("Invalid")
    cases: list[tuple[dict[str, Any], dict[str, str]]] = [
        ({"timezone": "Mars/Olympus_Mons"}, {"timezone": "INVALID_TIMEZONE"}),
        ({"timezone": ""}, {"timezone": "INVALID_TIMEZONE"}),
        ({"latitude": 90.5}, {"latitude": "OUT_OF_RANGE"}),
        ({"longitude": -180.01}, {"longitude": "OUT_OF_RANGE"}),
        ({"latitude": -91, "longitude": 181}, {"latitude": "OUT_OF_RANGE", "longitude": "OUT_OF_RANGE"}),
    ]
    for change, expected in cases:
        result = await gql.op("CreateSynagogue", {"input": {"name": name, **PLACE, **change}}, actor=actor)
        payload = result["data"]["createSynagogue"]
        assert payload["synagogue"] is None
        assert codes(payload) == expected
    blank = await gql.op("CreateSynagogue", {"input": {"name": "   ", **PLACE}}, actor=actor)
    assert codes(blank["data"]["createSynagogue"]) == {"name": "REQUIRED"}
    assert await owner_db.fetchval("SELECT count(*) FROM synagogue WHERE name = $1", name) == 0


async def test_create_synagogue_requires_sign_in(gql: GQL) -> None:
    result = await gql.op("CreateSynagogue", {"input": {"name": unique("Anon"), **PLACE}})
    assert error_codes(result) == ["UNAUTHENTICATED"]
    assert result["data"]["createSynagogue"] is None


async def test_synagogue_is_the_tenant_of_the_request(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    await factory.member()
    result = await gql.op("Synagogue", actor=viewer)
    assert "errors" not in result, result
    synagogue = result["data"]["synagogue"]
    assert synagogue["id"] == viewer.tenant_gid
    assert synagogue["candleLightingMinutes"] == 18 and synagogue["havdalahOpinion"] == "DEGREES_8_5"


async def test_cross_tenant_synagogue_of_a_tenant_i_do_not_belong_to_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member()
    b = await factory.member()
    async with unchanged(owner_db, a, b):
        result = await gql.op("Synagogue", actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        assert result.get("data") is None


async def test_update_synagogue_changes_every_field(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    changes = {
        "name": unique("Renamed"),
        "timezone": "Europe/London",
        "latitude": 51.5,
        "longitude": -0.12,
        "elevation": 20.5,
        "inIsrael": False,
        "candleLightingMinutes": 40,
        "havdalahOpinion": "MINUTES_72",
        "useElevation": True,
    }
    result = await gql.op("UpdateSynagogue", {"input": changes}, actor=admin)
    assert "errors" not in result, result
    payload = result["data"]["updateSynagogue"]
    assert payload["userErrors"] == []
    assert payload["synagogue"]["candleLightingMinutes"] == 40
    row = await Synagogue.get(id=admin.tenant.id)
    assert (row.name, row.timezone, row.latitude, row.longitude, row.elevation) == (
        changes["name"],
        "Europe/London",
        51.5,
        -0.12,
        20.5,
    )
    assert (row.candle_lighting_minutes, row.havdalah_opinion, row.use_elevation) == (40, "MINUTES_72", True)


async def test_update_synagogue_keeps_fields_left_out(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER)
    result = await gql.op("UpdateSynagogue", {"input": {"candleLightingMinutes": 0}}, actor=owner)
    assert result["data"]["updateSynagogue"]["userErrors"] == []
    row = await Synagogue.get(id=owner.tenant.id)
    assert row.candle_lighting_minutes == 0
    assert (row.name, row.timezone) == (owner.tenant.name, owner.tenant.timezone)


async def test_update_synagogue_validates_and_changes_nothing(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    cases: list[tuple[dict[str, Any], dict[str, str]]] = [
        ({"candleLightingMinutes": 91}, {"candleLightingMinutes": "OUT_OF_RANGE"}),
        ({"candleLightingMinutes": -1}, {"candleLightingMinutes": "OUT_OF_RANGE"}),
        ({"timezone": "Nowhere/Town", "name": "ok"}, {"timezone": "INVALID_TIMEZONE"}),
        ({"latitude": 100, "longitude": 200}, {"latitude": "OUT_OF_RANGE", "longitude": "OUT_OF_RANGE"}),
        ({"name": ""}, {"name": "REQUIRED"}),
    ]
    for change, expected in cases:
        result = await gql.op("UpdateSynagogue", {"input": change}, actor=admin)
        payload = result["data"]["updateSynagogue"]
        assert payload["synagogue"] is None and codes(payload) == expected
    row = await Synagogue.get(id=admin.tenant.id)
    assert (row.name, row.candle_lighting_minutes, row.latitude) == (admin.tenant.name, 18, admin.tenant.latitude)


async def test_missing_role_update_synagogue_needs_admin(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    actors = [await factory.member(role=role) for role in (Role.VIEWER, Role.EDITOR)]
    async with unchanged(owner_db, *actors):
        for actor in actors:
            result = await gql.op("UpdateSynagogue", {"input": {"name": "Taken over"}}, actor=actor)
            assert error_codes(result) == ["FORBIDDEN"]
            assert result["data"]["updateSynagogue"] is None
            assert (await Synagogue.get(id=actor.tenant.id)).name == actor.tenant.name


async def test_cross_tenant_update_synagogue_of_another_tenant_is_forbidden(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    async with unchanged(owner_db, a, b):
        result = await gql.op("UpdateSynagogue", {"input": {"name": "Hijacked"}}, actor=a, tenant=b.tenant)
        assert error_codes(result) == ["FORBIDDEN"]
        assert (await Synagogue.get(id=b.tenant.id)).name == b.tenant.name


async def test_update_synagogue_is_audited(gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await gql.op("UpdateSynagogue", {"input": {"candleLightingMinutes": 22}}, actor=admin)
    [row] = await audit_rows(admin.tenant.id)
    assert row == {
        "actor_id": admin.user.id,
        "action": "synagogue.update",
        "target_id": admin.tenant_gid,
        "impersonated": False,
    }


async def audit_rows(tenant_id: int) -> list[dict[str, Any]]:
    """The synagogue's audit log, read where its rows live (the central database, or the one it is placed in)."""
    connection = await connect_to_rows(tenant_id)
    try:
        rows = await connection.fetch(
            "SELECT actor_id, action, target_id, impersonated FROM audit_entry WHERE tenant_id = $1 ORDER BY id",
            tenant_id,
        )
    finally:
        await connection.close()
    return [dict(row) for row in rows]


async def test_create_synagogue_is_audited_in_the_new_tenant(gql: GQL, factory: Factory) -> None:
    user = await factory.user()
    result = await gql.op(
        "CreateSynagogue",
        {"input": {"name": f"Beth {unique('Audit')}", **PLACE}},
        headers={"Authorization": f"Bearer {factory.token(user)}"},
    )
    created = result["data"]["createSynagogue"]["synagogue"]
    row = await Synagogue.get(slug=created["slug"])
    assert await audit_rows(row.id) == [
        {"actor_id": user.id, "action": "synagogue.create", "target_id": created["id"], "impersonated": False}
    ]


async def test_create_synagogue_while_acting_in_another_tenant_leaves_that_tenant_as_it_was(
    gql: GQL, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER)
    query = """mutation Both($create: CreateSynagogueInput!, $update: UpdateSynagogueInput!) {
      created: createSynagogue(input: $create) { synagogue { id slug } userErrors { code } }
      updated: updateSynagogue(input: $update) { synagogue { id } userErrors { code } }
    }"""
    variables = {"create": {"name": f"Beth {unique('Second')}", **PLACE}, "update": {"candleLightingMinutes": 24}}
    result = await gql(query, variables, actor=owner)
    assert "errors" not in result, result
    assert result["data"]["updated"]["synagogue"]["id"] == owner.tenant_gid
    new = await Synagogue.get(slug=result["data"]["created"]["synagogue"]["slug"])
    assert (await Synagogue.get(id=owner.tenant.id)).candle_lighting_minutes == 24
    assert [r["action"] for r in await audit_rows(owner.tenant.id)] == ["synagogue.update"]
    assert [r["action"] for r in await audit_rows(new.id)] == ["synagogue.create"]


async def test_a_user_past_the_synagogue_creation_limit_is_throttled_and_nothing_is_written(
    gql: GQL, factory: Factory, settings: Any
) -> None:
    limit = parse(settings.synagogue_creation_limit).amount
    user = await factory.user()
    headers = {"Authorization": f"Bearer {factory.token(user)}"}
    for n in range(limit):
        made = await gql.op("CreateSynagogue", {"input": {"name": unique(f"Quota {n}"), **PLACE}}, headers=headers)
        assert made["data"]["createSynagogue"]["userErrors"] == [], made
    name = unique("One too many")
    refused = await gql.op("CreateSynagogue", {"input": {"name": name, **PLACE}}, headers=headers)
    assert error_codes(refused) == ["THROTTLED"] and refused["data"] == {"createSynagogue": None}
    assert refused["errors"][0]["extensions"]["retryAfterSeconds"] > 0
    assert not await Synagogue.filter(name=name).exists()
    assert await Membership.filter(user_id=user.id).count() == limit
    # The limit is the user's own: another user, and a platform admin, still open synagogues.
    other = await factory.user()
    fine = await gql.op(
        "CreateSynagogue",
        {"input": {"name": unique("Elsewhere"), **PLACE}},
        headers={"Authorization": f"Bearer {factory.token(other)}"},
    )
    assert fine["data"]["createSynagogue"]["userErrors"] == [], fine
    admin = await factory.user(is_platform_admin=True)
    admin_headers = {"Authorization": f"Bearer {factory.token(admin)}"}
    for n in range(limit + 1):
        made = await gql.op(
            "CreateSynagogue", {"input": {"name": unique(f"Hosted {n}"), **PLACE}}, headers=admin_headers
        )
        assert made["data"]["createSynagogue"]["userErrors"] == [], made
