"""The demo synagogue's content: seeded in its tenant, and the admin operations read it."""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg

from models.identity import Role
from services.content import demo as demo_content
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.graphql import GQL, error_codes
from tests.support.snapshot import unchanged

NODE = "query($id: ID!) { node(id: $id) { id } }"


async def _messages(gql: GQL, actor: Actor) -> list[tuple[str, str]]:
    result = await gql.op("Messages", actor=actor)
    assert "errors" not in result, result
    return [(edge["node"]["id"], edge["node"]["title"]) for edge in result["data"]["messages"]["edges"]]


async def test_demo_content_is_served(gql: GQL, factory: Factory) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    await demo_content.seed(viewer.tenant.id)
    assert (await gql.op("Messages", actor=viewer))["data"]["messages"]["totalCount"] == 2
    assert (await gql.op("Memorials", actor=viewer))["data"]["memorials"]["totalCount"] == 3
    saturday = date.today() + timedelta(days=(5 - date.today().weekday()) % 7)
    day = (await gql.op("DaySchedule", {"date": saturday.isoformat()}, actor=viewer))["data"]["daySchedule"]
    assert [a["aliyah"] for a in day["aliyot"]] == ["KOHEN", "LEVI", "SHLISHI"]
    assert day["prayers"] and (day["havdalah"] is not None or day["candleLighting"] is not None)


async def test_cross_tenant_the_demo_content_stays_in_its_synagogue(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    other = await factory.member(role=Role.OWNER)
    await demo_content.seed(viewer.tenant.id)
    seeded = await _messages(gql, viewer)
    assert len(seeded) == 2
    async with unchanged(owner_db, viewer.tenant, other):
        assert (await gql.op("Messages", actor=other))["data"]["messages"]["totalCount"] == 0
        assert (await gql.op("Memorials", actor=other))["data"]["memorials"]["totalCount"] == 0
        missing = to_global_id("Message", 2**31 - 1)
        for gid, _ in seeded:
            assert (await gql(NODE, {"id": gid}, actor=other))["data"]["node"] is None
            deleted = await gql.op("DeleteMessage", {"id": gid}, actor=other)
            assert deleted["data"] == (await gql.op("DeleteMessage", {"id": missing}, actor=other))["data"]
            assert [e["code"] for e in deleted["data"]["deleteMessage"]["userErrors"]] == ["NOT_FOUND"]
        named = await gql.op("Memorials", actor=other, tenant=viewer.tenant)
        nowhere = await gql.op("Memorials", actor=other, headers={"X-Tenant-ID": to_global_id("Synagogue", 2**31 - 1)})
        assert error_codes(named) == ["FORBIDDEN"] and named == nowhere
    assert await _messages(gql, viewer) == seeded


async def test_missing_role_a_viewer_cannot_change_the_demo_content(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    await demo_content.seed(viewer.tenant.id)
    seeded = await _messages(gql, viewer)
    gid = seeded[0][0]
    async with unchanged(owner_db, viewer):
        assert error_codes(await gql.op("CreateMessage", {"input": {"title": "x"}}, actor=viewer)) == ["FORBIDDEN"]
        assert error_codes(await gql.op("UpdateMessage", {"input": {"id": gid, "title": "x"}}, actor=viewer)) == [
            "FORBIDDEN"
        ]
        assert error_codes(await gql.op("DeleteMessage", {"id": gid}, actor=viewer)) == ["FORBIDDEN"]
        assert error_codes(await gql.op("Messages")) == ["UNAUTHENTICATED"]
    assert await _messages(gql, viewer) == seeded
