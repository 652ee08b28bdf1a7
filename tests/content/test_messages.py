"""Messages: CreateMessage / UpdateMessage / DeleteMessage / Messages, isActive by the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg

from models.content import Message
from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, user_errors
from tests.support.snapshot import unchanged


async def _count(owner_db: asyncpg.Connection, tenant_id: int) -> int:
    return int(await owner_db.fetchval("SELECT count(*) FROM content_message WHERE tenant_id = $1", tenant_id))


async def test_create_message_and_is_active(gql: GQL, factory: Factory) -> None:
    actor = await factory.member(role=Role.EDITOR)
    now = datetime.now(UTC)
    current = {"title": "Kiddush", "startsAt": (now - timedelta(hours=1)).isoformat(), "endsAt": None}
    result = await gql.op("CreateMessage", {"input": current}, actor=actor)
    assert user_errors(result, "createMessage") == []
    message = result["data"]["createMessage"]["message"]
    assert message["isActive"] is True and message["priority"] == 0 and message["body"] == ""
    assert message["startsAt"].endswith(("-05:00", "-04:00"))  # New York, the synagogue's zone

    later = {"title": "Yizkor", "startsAt": (now + timedelta(days=1)).isoformat()}
    result = await gql.op("CreateMessage", {"input": later}, actor=actor)
    assert result["data"]["createMessage"]["message"]["isActive"] is False

    over = {
        "title": "Over",
        "startsAt": (now - timedelta(days=2)).isoformat(),
        "endsAt": (now - timedelta(days=1)).isoformat(),
    }
    result = await gql.op("CreateMessage", {"input": over}, actor=actor)
    assert result["data"]["createMessage"]["message"]["isActive"] is False


async def test_times_come_back_in_the_synagogues_zone_and_a_time_without_offset_is_refused(
    gql: GQL, factory: Factory
) -> None:
    """A wall time without its offset could mean any zone; it is refused as bad input (B1). A time given with any
    offset is answered in the synagogue's own zone."""
    actor = await factory.member(tenant=await factory.tenant(timezone="Asia/Jerusalem"), role=Role.EDITOR)
    result = await gql.op(
        "CreateMessage", {"input": {"title": "Shiur", "startsAt": "2030-01-01T18:00:00Z"}}, actor=actor
    )
    assert result["data"]["createMessage"]["message"]["startsAt"] == "2030-01-01T20:00:00+02:00"
    naive = await gql.op(
        "CreateMessage", {"input": {"title": "Shiur", "startsAt": "2030-01-01T20:00:00"}}, actor=actor
    )
    assert [e["extensions"]["code"] for e in naive["errors"]] == ["BAD_USER_INPUT"]


async def test_invalid_message_is_refused_and_nothing_written(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    actor = await factory.member(role=Role.EDITOR)
    bad = {"title": "  ", "startsAt": "2030-01-02T10:00:00+00:00", "endsAt": "2030-01-01T10:00:00+00:00"}
    errors = user_errors(await gql.op("CreateMessage", {"input": bad}, actor=actor), "createMessage")
    assert {(tuple(e["field"]), e["code"]) for e in errors} == {
        (("title",), "REQUIRED"),
        (("endsAt",), "END_BEFORE_START"),
    }
    assert await _count(tenant_db, actor.tenant.id) == 0


async def test_update_and_delete_message(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    actor = await factory.member(role=Role.EDITOR)
    row = await make(actor.tenant.id, Message, title="Old", priority=1)
    gid = to_global_id("Message", row.id)
    result = await gql.op("UpdateMessage", {"input": {"id": gid, "title": "New", "priority": 5}}, actor=actor)
    assert user_errors(result, "updateMessage") == []
    assert result["data"]["updateMessage"]["message"]["title"] == "New"
    result = await gql.op(
        "UpdateMessage",
        {"input": {"id": gid, "endsAt": "2000-01-01T00:00:00Z", "startsAt": "2001-01-01T00:00:00Z"}},
        actor=actor,
    )
    assert [e["code"] for e in user_errors(result, "updateMessage")] == ["END_BEFORE_START"]
    listed = await gql.op("Messages", actor=actor)
    assert [e["node"]["title"] for e in listed["data"]["messages"]["edges"]] == ["New"]
    result = await gql.op("DeleteMessage", {"id": gid}, actor=actor)
    assert result["data"]["deleteMessage"]["deletedId"] == gid
    assert await _count(tenant_db, actor.tenant.id) == 0


async def test_T3_cross_tenant_foreign_message_cannot_be_changed(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    a = await factory.member(role=Role.OWNER)
    b = await factory.member(role=Role.OWNER)
    row = await make(b.tenant.id, Message, title="B's")
    gid = to_global_id("Message", row.id)
    async with unchanged(owner_db, b.tenant, a):
        result = await gql.op("UpdateMessage", {"input": {"id": gid, "title": "hacked"}}, actor=a)
        absent = {"input": {"id": to_global_id("Message", 10**9), "title": "x"}}
        missing = await gql.op("UpdateMessage", absent, actor=a)
        assert result["data"] == missing["data"]
        assert [e["code"] for e in user_errors(result, "updateMessage")] == ["NOT_FOUND"]
        result = await gql.op("DeleteMessage", {"id": gid}, actor=a)
        assert [e["code"] for e in user_errors(result, "deleteMessage")] == ["NOT_FOUND"]
        assert await tenant_db.fetchval("SELECT title FROM content_message WHERE id = $1", row.id) == "B's"
        listed = await gql.op("Messages", actor=a)
        assert listed["data"]["messages"]["totalCount"] == 0
        node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": gid}, actor=a)
        assert node["data"]["node"] is None


async def test_Z1_missing_role_viewer_cannot_write_messages(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection, tenant_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    async with unchanged(owner_db, viewer):
        result = await gql.op("CreateMessage", {"input": {"title": "x"}}, actor=viewer)
        assert error_codes(result) == ["FORBIDDEN"]
        assert await _count(tenant_db, viewer.tenant.id) == 0
        assert "errors" not in await gql.op("Messages", actor=viewer)
        assert error_codes(await gql.op("Messages")) == ["UNAUTHENTICATED"]
