"""Taking an image off without deleting what it belongs to: removeMemorialPhoto and removeMessageImage (EDITOR and
above). The media row goes at once (the quota frees), the stored objects through the outbox; the memorial or message
stays. In Shabbat mode a removal (or a new image) during Shabbat is held like any edit: the screens keep the image, and
the storage keeps its objects, until havdalah (2030-03-22 in New York: candles 18:52, havdalah on Shabbat 19:52, by
hebcal's rules), unless an ADMIN marks it urgent; an EDITOR may not. Another synagogue's memorial or message is
NOT_FOUND; a viewer is refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg
import httpx

from config import Settings
from models.base import tenant_scope
from models.content import Memorial, Message
from models.identity import Role
from models.media import Media
from services.content.screen_content import ScreenContent, screen_content
from services.infra import clock
from services.infra.ids import to_global_id
from services.infra.storage import storage_for
from services.infra.storage.local import LocalStorage
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, pk, user_errors
from tests.support.media import REMOVE_IMAGE, REMOVE_PHOTO, attach, png
from tests.support.outbox import run_due
from tests.support.shabbat import AFTER, FRIDAY_NIGHT, HAVDALAH, SHABBAT_NOON, WEDNESDAY
from tests.support.snapshot import unchanged


def _stored(settings: Settings, keys: list[str]) -> list[bool]:
    storage = storage_for(settings)
    assert isinstance(storage, LocalStorage)
    return [storage.path(key).exists() for key in keys]


async def _keys(tenant_id: int, media_id: str) -> list[str]:
    async with tenant_scope(tenant_id):
        row = await Media.get(id=pk(media_id))
    return [str(variant["key"]) for variant in row.variants.values()]


async def _owners(tenant_id: int) -> tuple[Memorial, Message]:
    """A memorial whose yahrzeit (19 Adar II, Sunday 2030-03-24) burns on the board all through that Shabbat (the
    synagogue's policy: from the Shabbat before), and a message."""
    memorial: Memorial = await make(
        tenant_id, Memorial, name="Reb Chaim", hebrew_year=5760, hebrew_month="ADAR_II", hebrew_day=19
    )
    message: Message = await make(tenant_id, Message, title="Kiddush")
    return memorial, message


async def _screen(tenant_id: int, at: datetime) -> ScreenContent:
    async with tenant_scope(tenant_id):
        return await screen_content(tenant_id, at)


def _images(screen: ScreenContent) -> tuple[Any, Any]:
    """The board's photo of Reb Chaim and the slide's image, as the screen shows them (None: none)."""
    photo = next(y.photo for y in screen.yahrzeits if y.name == "Reb Chaim")
    image = next(m.image for m in screen.messages if m.title == "Kiddush")
    return photo, image


async def test_removing_a_photo_or_a_slides_image_keeps_the_memorial_and_the_message(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, settings: Settings, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    assert editor.tenant is not None
    memorial, message = await _owners(editor.tenant.id)
    memorial_id, message_id = to_global_id("Memorial", memorial.id), to_global_id("Message", message.id)
    photo = (await attach(gql, http, editor, memorial_id))["memorial"]["photo"]
    image = (await attach(gql, http, editor, message_id, caption="Kiddush"))["message"]["image"]
    keys = await _keys(editor.tenant.id, photo["id"]) + await _keys(editor.tenant.id, image["id"])
    await run_due(owner_db)  # the originals' deletions

    removed = await gql(REMOVE_PHOTO, {"input": {"memorialId": memorial_id}}, actor=editor)
    assert removed["data"]["removeMemorialPhoto"] == {
        "memorial": {"id": memorial_id, "heldUntil": None, "photo": None},
        "userErrors": [],
    }
    removed = await gql(REMOVE_IMAGE, {"input": {"messageId": message_id}}, actor=editor)
    assert removed["data"]["removeMessageImage"]["message"] == {
        "id": message_id,
        "title": "Kiddush",
        "heldUntil": None,
        "image": None,
    }
    assert await owner_db.fetchval("SELECT count(*) FROM content_media WHERE tenant_id = $1", editor.tenant.id) == 0
    assert await owner_db.fetchval("SELECT count(*) FROM content_message WHERE id = $1", message.id) == 1
    assert _stored(settings, keys) == [True] * 4  # until the outbox deletes them
    await run_due(owner_db)
    assert _stored(settings, keys) == [False] * 4

    again = await gql(REMOVE_PHOTO, {"input": {"memorialId": memorial_id}}, actor=editor)
    assert again["data"]["removeMemorialPhoto"]["userErrors"] == []  # nothing to take off: answered as it is


async def test_a_removal_during_shabbat_keeps_the_image_on_the_screens_and_in_storage_until_havdalah(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, settings: Settings, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True, yahrzeit_window="SHABBAT_TO_FRIDAY")
    editor = await factory.member(tenant=tenant, role=Role.EDITOR)
    memorial, message = await _owners(tenant.id)
    memorial_id, message_id = to_global_id("Memorial", memorial.id), to_global_id("Message", message.id)
    with clock.pinned(WEDNESDAY):
        photo = (await attach(gql, http, editor, memorial_id))["memorial"]["photo"]
        image = (await attach(gql, http, editor, message_id))["message"]["image"]
    keys = await _keys(tenant.id, photo["id"]) + await _keys(tenant.id, image["id"])
    await run_due(owner_db)

    with clock.pinned(FRIDAY_NIGHT):
        removed = await gql(REMOVE_PHOTO, {"input": {"memorialId": memorial_id}}, actor=editor)
        await gql(REMOVE_IMAGE, {"input": {"messageId": message_id}}, actor=editor)
        replaced = await attach(gql, http, editor, message_id, png(64, 48))  # a new slide image, held as well
    assert removed["data"]["removeMemorialPhoto"]["memorial"] == {
        "id": memorial_id,
        "heldUntil": HAVDALAH.isoformat(),
        "photo": None,  # the admin app reads the removal at once
    }
    assert replaced["message"]["heldUntil"] == HAVDALAH.isoformat()

    shown_photo, shown_image = _images(await _screen(tenant.id, SHABBAT_NOON))
    assert shown_photo is not None and shown_image is not None and shown_image["width"] == 40  # the old ones
    assert (await http.get(str(shown_photo["url"]))).status_code == 200
    await run_due(owner_db)  # what is due now: the new upload's original
    held = await owner_db.fetch(
        "SELECT id, run_after FROM job WHERE tenant_id = $1 AND kind = 'media.delete' AND status = 'PENDING'",
        tenant.id,
    )
    assert [abs((row["run_after"] - HAVDALAH).total_seconds()) < 5 for row in held] == [True, True]  # the old two
    assert _stored(settings, keys) == [True] * 4

    later = await _screen(tenant.id, AFTER)
    shown_photo, shown_image = _images(later)
    assert shown_photo is None and shown_image is not None and shown_image["width"] == 64
    await run_due(owner_db, *[row["id"] for row in held])  # havdalah came
    assert _stored(settings, keys) == [False] * 4


async def test_an_admin_removes_an_image_urgently_during_shabbat_and_it_is_audited(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant(shabbat_mode=True, yahrzeit_window="SHABBAT_TO_FRIDAY")
    admin = await factory.member(tenant=tenant, role=Role.ADMIN)
    memorial, _ = await _owners(tenant.id)
    memorial_id = to_global_id("Memorial", memorial.id)
    with clock.pinned(WEDNESDAY):
        await attach(gql, http, admin, memorial_id)
    with clock.pinned(FRIDAY_NIGHT):
        removed = await gql(REMOVE_PHOTO, {"input": {"memorialId": memorial_id, "urgent": True}}, actor=admin)
    assert removed["data"]["removeMemorialPhoto"]["memorial"]["heldUntil"] is None
    assert _images(await _screen(tenant.id, SHABBAT_NOON))[0] is None
    actions = await owner_db.fetch("SELECT action, target_id FROM audit_entry WHERE actor_id = $1", admin.user.id)
    assert [(row["action"], row["target_id"]) for row in actions] == [("content.urgent", memorial_id)]


async def _with_images(gql: GQL, http: httpx.AsyncClient, owner: Actor) -> tuple[str, str]:
    assert owner.tenant is not None
    memorial, message = await _owners(owner.tenant.id)
    memorial_id, message_id = to_global_id("Memorial", memorial.id), to_global_id("Message", message.id)
    with clock.pinned(WEDNESDAY):
        await attach(gql, http, owner, memorial_id)
        await attach(gql, http, owner, message_id)
    return memorial_id, message_id


async def test_media_removal_cross_tenant_another_synagogues_memorial_or_message_is_not_found(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.EDITOR)
    outsider = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.ADMIN)
    memorial_id, message_id = await _with_images(gql, http, victim)
    async with unchanged(owner_db, victim, outsider):
        with clock.pinned(FRIDAY_NIGHT):
            for urgent in (False, True):
                photo = {"input": {"memorialId": memorial_id, "urgent": urgent}}
                result = await gql(REMOVE_PHOTO, photo, actor=outsider)
                assert user_errors(result, "removeMemorialPhoto") == [{"field": ["memorialId"], "code": "NOT_FOUND"}]
                image = {"input": {"messageId": message_id, "urgent": urgent}}
                result = await gql(REMOVE_IMAGE, image, actor=outsider)
                assert user_errors(result, "removeMessageImage") == [{"field": ["messageId"], "code": "NOT_FOUND"}]


async def test_media_removal_missing_role_a_viewer_may_not_and_an_editor_may_not_mark_it_urgent(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(tenant=await factory.tenant(shabbat_mode=True), role=Role.EDITOR)
    viewer = await factory.member(tenant=editor.tenant, role=Role.VIEWER)
    memorial_id, message_id = await _with_images(gql, http, editor)
    photo = {"input": {"memorialId": memorial_id, "urgent": True}}
    image = {"input": {"messageId": message_id, "urgent": True}}
    async with unchanged(owner_db, editor):
        with clock.pinned(FRIDAY_NIGHT):
            assert error_codes(await gql(REMOVE_PHOTO, photo, actor=viewer)) == ["FORBIDDEN"]
            assert error_codes(await gql(REMOVE_IMAGE, image, actor=viewer)) == ["FORBIDDEN"]
            result = await gql(REMOVE_PHOTO, photo, actor=editor)
            assert user_errors(result, "removeMemorialPhoto") == [{"field": ["urgent"], "code": "FORBIDDEN"}]
            result = await gql(REMOVE_IMAGE, image, actor=editor)
            assert user_errors(result, "removeMessageImage") == [{"field": ["urgent"], "code": "FORBIDDEN"}]
