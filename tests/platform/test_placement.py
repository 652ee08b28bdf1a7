"""Placement: a synagogue placed in a database of its own keeps every row of its own there, and nowhere else (media,
held edits, audit entries and jobs included); what is global (its registry row, users, memberships, invitations, key
credentials) stays central, and no tenant row points at a central one but its synagogue; one synagogue's ids reach
no other synagogue's rows across databases (T1, T3); row-level security holds in a placed database as in the central
one (T6); compiled trusted documents read a placed synagogue's pages where their rows live; platform administrators
read the placements, and nobody else does.

Each test places synagogues itself (`factory.tenant(database=...)`), in the suite's `tenants_a` and `tenants_b`."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

import schema.compiled.road as road
from config import Settings
from models.base import tenant_models, tenant_scope
from models.compiled import fetch_page
from models.content import Message
from models.identity import Role
from models.placement import routing
from models.platform import TenantPlacement
from models.synagogue import Synagogue
from services.infra.database_setup import CENTRAL_INT_LIMIT, block_range
from services.infra.ids import to_global_id
from tests.support.actors import Factory, unique
from tests.support.cli import fetch
from tests.support.content import create_message
from tests.support.database import OWNER_URL, placed_app_url, placed_owner_url
from tests.support.devices import make_tv
from tests.support.graphql import GQL, error_codes
from tests.support.media import grant, png
from tests.support.partners import create_key, document_id
from tests.support.placement import held, rows_of
from tests.support.snapshot import unchanged

PLACEMENTS = """
query($first: Int = 100, $after: String) {
  tenantPlacements(first: $first, after: $after) {
    edges { node { synagogueId slug database placedAt move { step } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
DATABASES = "query { tenantDatabases { name idBlock synagogues state connections } }"
NODE = "query($id: ID!) { node(id: $id) { id ... on Message { title } } }"


async def test_a_placed_synagogues_rows_live_only_in_its_database(gql: GQL, factory: Factory) -> None:
    owner = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_a"))
    tenant = owner.tenant
    message = await create_message(gql, owner, unique("placed"))
    renamed = await gql.op("UpdateSynagogue", {"input": {"name": "Placed Shul"}}, actor=owner)
    assert renamed["data"]["updateSynagogue"]["userErrors"] == [], renamed
    await create_key(gql, owner, [document_id("Synagogue")])

    placed, central, other = await rows_of("tenants_a", tenant.id), await rows_of(None, tenant.id), await rows_of(
        "tenants_b", tenant.id
    )
    assert placed["content_message"][0] == 1 and placed["api_key"][0] == 1 and placed["audit_entry"][0] >= 2
    assert held(central) == 0 and held(other) == 0
    assert (await fetch(OWNER_URL, "SELECT name FROM synagogue WHERE id = $1", tenant.id))[0]["name"] == "Placed Shul"
    credentials = await fetch(
        OWNER_URL, "SELECT count(*) AS n FROM api_key_credential WHERE tenant_id = $1", tenant.id
    )
    assert credentials[0]["n"] == 1  # what authenticates a key is read before any synagogue is known: central
    read = await gql(NODE, {"id": message["id"]}, actor=owner)
    assert read["data"]["node"] == {"id": message["id"], "title": message["title"]}


async def test_T1_T3_cross_tenant_ids_across_databases_are_missing_ids(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_a"))
    b = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_b"))
    shared = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="shared"))
    theirs = [await create_message(gql, owner, unique("theirs")) for owner in (b, shared)]
    async with unchanged(owner_db, a, b, shared):
        for message in theirs:
            for reader in (a, b if message is theirs[1] else shared):
                read = await gql(NODE, {"id": message["id"]}, actor=reader)
                missing = await gql(NODE, {"id": to_global_id("Message", 2**31 - 1)}, actor=reader)
                assert read["data"]["node"] is None and missing["data"]["node"] is None
            update = await gql.op("UpdateMessage", {"input": {"id": message["id"], "title": "taken"}}, actor=a)
            assert [e["code"] for e in update["data"]["updateMessage"]["userErrors"]] == ["NOT_FOUND"], update


async def test_every_tenant_table_lives_with_its_synagogue_and_invitations_stay_central(
    gql: GQL, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_b"))
    tenant = owner.tenant
    upload = await grant(gql, owner, png())  # a media row, UPLOADING, and the job that discards it if never used
    guest = f"{unique('guest')}@example.org"
    invited = await gql.op("AddMember", {"input": {"email": guest, "role": "VIEWER"}}, actor=owner)
    assert invited["data"]["addMember"]["userErrors"] == [], invited  # an invitation, its e-mail job, an audit entry

    placed, central = await rows_of("tenants_b", tenant.id), await rows_of(None, tenant.id)
    assert placed["content_media"][0] == 1 and placed["job"][0] >= 2 and placed["audit_entry"][0] >= 1, placed
    assert held(central) == 0
    block = await fetch(OWNER_URL, "SELECT id_block FROM tenant_database WHERE name = 'tenants_b'")
    low, high = block_range(block[0]["id_block"], "integer")
    media = await fetch(placed_owner_url("tenants_b"), "SELECT id FROM content_media WHERE tenant_id = $1", tenant.id)
    assert low <= media[0]["id"] <= high and upload["media"]["id"]
    invitation = "SELECT count(*) AS n FROM invitation WHERE synagogue_id = $1 AND email = $2"
    assert (await fetch(OWNER_URL, invitation, tenant.id, guest))[0]["n"] == 1  # read by the invitee's e-mail
    assert (await fetch(placed_owner_url("tenants_b"), invitation, tenant.id, guest))[0]["n"] == 0


async def test_tenant_rows_point_at_no_central_row_but_their_synagogue(app: Any) -> None:  # app: models loaded
    tables = {model._meta.db_table for model in tenant_models()}
    for model in tenant_models():
        for name in sorted(model._meta.fk_fields | model._meta.o2o_fields):
            relation: Any = model._meta.fields_map[name]
            related = relation.related_model
            assert related._meta.db_table in tables or related is Synagogue, f"{model.__name__}.{name}"


async def test_compiled_pages_of_a_placed_synagogue_read_where_their_rows_live(
    gql: GQL, factory: Factory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_a"))
    await factory.member(tenant=owner.tenant, role=Role.VIEWER)
    await create_message(gql, owner, unique("zoned"), startsAt="2030-01-01T12:00:00+00:00")
    moved = await gql.op("UpdateSynagogue", {"input": {"timezone": "Asia/Jerusalem"}}, actor=owner)
    assert moved["data"]["updateSynagogue"]["userErrors"] == [], moved  # central: the placed copy is never read
    ran: list[str] = []

    async def counted(*args: Any) -> Any:
        ran.append("compiled")
        return await fetch_page(*args)

    monkeypatch.setattr(road, "fetch_page", counted)
    monkeypatch.setattr(settings, "cost_budget_restore_rate", 10**9)  # `throttleStatus` reads the same on both
    answers: dict[bool, list[dict[str, Any]]] = {}
    for compiled in (True, False):
        monkeypatch.setattr(settings, "compiled_documents", compiled)
        answers[compiled] = [await gql.op(name, actor=owner) for name in ("Messages", "Members")]
    assert ran == ["compiled", "compiled"] and answers[True] == answers[False], answers
    messages, members = (answer["data"] for answer in answers[True])
    assert messages["messages"]["edges"][0]["node"]["startsAt"] == "2030-01-01T14:00:00+02:00"
    assert members["members"]["totalCount"] == 2


async def test_a_placed_synagogues_screen_reads_its_rows_there_and_its_registry_row_centrally(
    gql: GQL, factory: Factory
) -> None:
    owner = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_b"))
    tv = await make_tv(owner.tenant)
    title = unique("on the wall")
    await create_message(gql, owner, title)
    renamed = await gql.op("UpdateSynagogue", {"input": {"name": "Renamed Shul"}}, actor=owner)
    assert renamed["data"]["updateSynagogue"]["userErrors"] == [], renamed  # central: the placed copy keeps the old
    for _ in range(2):  # the first builds the screen's prepared reads, the second uses them
        screen = await gql.op("Screen", headers=tv.headers)
        assert "errors" not in screen, screen
        assert screen["data"]["screen"]["synagogueName"] == "Renamed Shul"
        assert title in [message["title"] for message in screen["data"]["screen"]["messages"]]


async def test_T6_row_level_security_holds_in_a_placed_database(factory: Factory) -> None:
    a, b = await factory.tenant(database="tenants_a"), await factory.tenant(database="tenants_a")
    for tenant in (a, b):
        async with tenant_scope(tenant.id):
            await Message.create(title=unique("rls"))
    app = await asyncpg.connect(placed_app_url("tenants_a"))
    try:
        assert await app.fetch("SELECT id FROM content_message WHERE tenant_id = ANY($1)", [a.id, b.id]) == []
        async with app.transaction():
            await app.execute("SELECT shulgraph_enter_tenant($1)", a.id)
            seen = await app.fetch("SELECT tenant_id FROM content_message WHERE tenant_id = ANY($1)", [a.id, b.id])
        assert {row["tenant_id"] for row in seen} == {a.id}
        role = await app.fetchrow("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        assert not role["rolsuper"] and not role["rolbypassrls"]
        for table in ("tenant_placement", "tenant_fence", "tenant_move", "tenant_database"):
            allowed = await app.fetchval("SELECT has_table_privilege(current_user, $1, 'INSERT')", table)
            assert allowed is False, table
    finally:
        await app.close()
    owner = await asyncpg.connect(placed_owner_url("tenants_a"))
    try:
        tables = [model._meta.db_table for model in tenant_models()]
        flags = await owner.fetch(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1)", tables
        )
        assert len(flags) == len(tables) and all(f["relrowsecurity"] and f["relforcerowsecurity"] for f in flags)
    finally:
        await owner.close()


async def test_a_placed_database_hands_out_ids_from_its_block_only(factory: Factory) -> None:
    tenant = await factory.tenant(database="tenants_b")
    async with tenant_scope(tenant.id):
        message = await Message.create(title=unique("ids"))
    block = await fetch(OWNER_URL, "SELECT id_block FROM tenant_database WHERE name = 'tenants_b'")
    low, high = block_range(block[0]["id_block"], "integer")
    assert low <= message.id <= high
    central = await fetch(
        OWNER_URL, "SELECT max_value FROM pg_sequences WHERE sequencename = 'content_message_id_seq'"
    )
    assert central[0]["max_value"] == CENTRAL_INT_LIMIT


async def test_platform_admins_read_placements_and_databases(gql: GQL, factory: Factory) -> None:
    platform = await factory.platform_admin()
    placed, shared = await factory.tenant(database="tenants_b"), await factory.tenant(database="shared")
    found: dict[str, dict[str, Any]] = {}
    after = None
    while placed.slug not in found or shared.slug not in found:
        page = await gql(PLACEMENTS, {"after": after}, actor=platform)
        assert "errors" not in page, page
        connection = page["data"]["tenantPlacements"]
        found |= {edge["node"]["slug"]: edge["node"] for edge in connection["edges"]}
        assert connection["pageInfo"]["hasNextPage"] or (placed.slug in found and shared.slug in found)
        after = connection["pageInfo"]["endCursor"]
    assert found[placed.slug]["database"] == "tenants_b" and found[placed.slug]["placedAt"]
    assert found[shared.slug] | {"synagogueId": None} == {
        "synagogueId": None, "slug": shared.slug, "database": "shared", "placedAt": None, "move": None
    }  # fmt: skip
    databases = (await gql(DATABASES, actor=platform))["data"]["tenantDatabases"]
    assert [row["name"] for row in databases] == ["tenants_a", "tenants_b"]
    assert all(row["idBlock"] and row["state"] in ("ok", "idle") for row in databases)
    assert next(row for row in databases if row["name"] == "tenants_b")["synagogues"] >= 1


async def test_missing_role_only_platform_admins_read_placements(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    owner = await factory.member(role=Role.OWNER, tenant=await factory.tenant(database="tenants_a"))
    async with unchanged(owner_db, owner):
        for query in (PLACEMENTS, DATABASES):
            refused = await gql(query, actor=owner)
            assert error_codes(refused) == ["FORBIDDEN"], refused
            assert error_codes(await gql(query)) == ["UNAUTHENTICATED"]


def test_routing_reads_the_registrys_own_table() -> None:  # by name: the model would close an import cycle
    assert TenantPlacement._meta.db_table == routing.PLACEMENTS_TABLE
