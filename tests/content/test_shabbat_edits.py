"""Shabbat mode and content edits of messages and memorials: an edit made between the synagogue's candle lighting and
havdalah is accepted (the admin app reads it at once) and the screens show it from havdalah, which is a time boundary
of the screen; until then they keep the version before it (a new message or memorial is not shown, a deleted one
stays). An ADMIN may mark an edit urgent (shown at once, audited); an EDITOR may not. The clock is pinned to a Friday
evening ahead (2030-03-22 in New York: candles 18:52, havdalah on Shabbat 19:52, by hebcal's rules)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import asyncpg

from models.base import tenant_scope
from models.content import Memorial, Message
from models.identity import Role
from services.content.holds import holds_at
from services.content.screen_content import screen_content
from services.content.yahrzeits import yahrzeit_board
from services.infra import clock
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.graphql import GQL, user_errors
from tests.support.snapshot import unchanged

NEW_YORK = ZoneInfo("America/New_York")
FRIDAY_NIGHT = datetime(2030, 3, 22, 20, 0, tzinfo=NEW_YORK)
HAVDALAH = datetime(2030, 3, 23, 19, 52, tzinfo=NEW_YORK)
AFTER = datetime(2030, 3, 23, 20, 0, tzinfo=NEW_YORK)
CREATE = """mutation($input: CreateMessageInput!) {
  createMessage(input: $input) { message { id title heldUntil } userErrors { field code } }
}"""
UPDATE = """mutation($input: UpdateMessageInput!) {
  updateMessage(input: $input) { message { id title heldUntil } userErrors { field code } }
}"""
DELETE = """mutation($id: ID!, $urgent: Boolean! = false) {
  FIELD(id: $id, urgent: $urgent) { deletedId userErrors { field code } }
}"""
MEMORIAL = """mutation($input: CreateMemorialInput!) {
  createMemorial(input: $input) { memorial { id heldUntil } userErrors { field code } }
}"""


async def _titles(tenant_id: int, at: datetime) -> list[str]:
    async with tenant_scope(tenant_id):
        content = await screen_content(tenant_id, at)
    return [m.title for m in content.messages]


async def test_edits_during_shabbat_show_from_havdalah_unless_an_admin_marks_them_urgent(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    kiddush: Message = await make(tenant.id, Message, title="Kiddush")
    with clock.pinned(FRIDAY_NIGHT):
        created = await gql(CREATE, {"input": {"title": "Seudah shlishit"}}, actor=editor)
        changed = await gql(
            UPDATE, {"input": {"id": to_global_id("Message", kiddush.id), "title": "Kiddush at noon"}}, actor=editor
        )
        memorial = await gql(MEMORIAL, {"input": {"name": "Reb Chaim", "dateOfDeath": "2001-04-01"}}, actor=editor)
    new = created["data"]["createMessage"]["message"]
    edited = changed["data"]["updateMessage"]["message"]
    assert new["heldUntil"] == edited["heldUntil"] == HAVDALAH.isoformat()
    assert edited["title"] == "Kiddush at noon"  # accepted: the admin app reads it at once
    assert memorial["data"]["createMemorial"]["memorial"]["heldUntil"] is not None

    assert await _titles(tenant.id, FRIDAY_NIGHT) == ["Kiddush"]
    async with tenant_scope(tenant.id):
        screen = await screen_content(tenant.id, FRIDAY_NIGHT)
        board = await yahrzeit_board(date(2030, 3, 1), date(2031, 3, 1), await holds_at(FRIDAY_NIGHT))
        later = await yahrzeit_board(date(2030, 3, 1), date(2031, 3, 1), await holds_at(AFTER))
    assert screen.steady_until <= HAVDALAH  # the screen changes by itself at havdalah
    assert board == [] and [e.memorial.name for e in later] == ["Reb Chaim"]
    assert await _titles(tenant.id, AFTER) == ["Seudah shlishit", "Kiddush at noon"]

    with clock.pinned(FRIDAY_NIGHT):
        urgent = await gql(CREATE, {"input": {"title": "Eruv down", "urgent": True}}, actor=admin)
    assert urgent["data"]["createMessage"]["message"]["heldUntil"] is None
    assert "Eruv down" in await _titles(tenant.id, FRIDAY_NIGHT)
    actions = await tenant_db.fetch(
        "SELECT action FROM audit_entry WHERE tenant_id = $1 AND actor_id = $2", tenant.id, admin.user.id
    )
    assert [row["action"] for row in actions] == ["content.urgent"]


async def test_shabbat_edits_missing_role_an_editor_cannot_mark_an_edit_urgent(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    with clock.pinned(FRIDAY_NIGHT):
        async with unchanged(owner_db, editor):
            result = await gql(CREATE, {"input": {"title": "Eruv down", "urgent": True}}, actor=editor)
    assert user_errors(result, "createMessage") == [{"field": ["urgent"], "code": "FORBIDDEN"}]


async def test_shabbat_edits_cross_tenant_another_synagogues_message_is_not_found(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.tenant(shabbat_mode=True)
    outsider = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.ADMIN)
    theirs: Message = await make(victim.id, Message, title="Kiddush")
    variables = {"input": {"id": to_global_id("Message", theirs.id), "title": "x", "urgent": True}}
    with clock.pinned(FRIDAY_NIGHT):
        async with unchanged(owner_db, victim, outsider):
            result = await gql(UPDATE, variables, actor=outsider)
    assert user_errors(result, "updateMessage") == [{"field": ["id"], "code": "NOT_FOUND"}]


async def test_deletions_during_shabbat_leave_the_rows_shown_until_havdalah_unless_urgent(
    gql: GQL, factory: Factory, tenant_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True)
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    kiddush: Message = await make(tenant.id, Message, title="Kiddush")
    eruv: Message = await make(tenant.id, Message, title="Eruv up")
    chaim: Memorial = await make(
        tenant.id, Memorial, name="Reb Chaim", hebrew_year=5760, hebrew_month="SIVAN", hebrew_day=1
    )
    with clock.pinned(FRIDAY_NIGHT):
        for field, gid in (
            ("deleteMessage", to_global_id("Message", kiddush.id)),
            ("deleteMemorial", to_global_id("Memorial", chaim.id)),
        ):
            deleted = await gql(DELETE.replace("FIELD", field), {"id": gid}, actor=editor)
            assert deleted["data"][field] == {"deletedId": gid, "userErrors": []}
        edit = {"input": {"id": to_global_id("Message", eruv.id), "title": "Eruv down"}}
        edited = await gql(UPDATE, edit, actor=editor)
        assert edited["data"]["updateMessage"]["message"]["heldUntil"] == HAVDALAH.isoformat()
    assert await tenant_db.fetchval("SELECT count(*) FROM content_message WHERE tenant_id = $1", tenant.id) == 1
    assert await _titles(tenant.id, FRIDAY_NIGHT) == ["Eruv up", "Kiddush"]  # deleted in the admin app, not on screen
    async with tenant_scope(tenant.id):
        board = await yahrzeit_board(date(2030, 3, 1), date(2031, 3, 1), await holds_at(FRIDAY_NIGHT))
        later = await yahrzeit_board(date(2030, 3, 1), date(2031, 3, 1), await holds_at(AFTER))
    assert [e.memorial.name for e in board] == ["Reb Chaim"] and later == []
    assert await _titles(tenant.id, AFTER) == ["Eruv down"]

    with clock.pinned(FRIDAY_NIGHT):  # an urgent edit of a held row shows the row as it is now, at once
        urgent = {"input": {"id": to_global_id("Message", eruv.id), "title": "Eruv down!", "urgent": True}}
        edited = await gql(UPDATE, urgent, actor=admin)
        assert edited["data"]["updateMessage"]["message"]["heldUntil"] is None
        gone = await gql(
            DELETE.replace("FIELD", "deleteMessage"),
            {"id": to_global_id("Message", eruv.id), "urgent": True},
            actor=admin,
        )
    assert gone["data"]["deleteMessage"]["userErrors"] == []
    assert await _titles(tenant.id, FRIDAY_NIGHT) == ["Kiddush"]  # the other deletion still waits for havdalah
