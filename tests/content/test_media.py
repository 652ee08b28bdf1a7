"""Media on the local storage, end to end through the API: createUpload's presigned PUT, verification and
re-encoding (the real type sniffed, EXIF and GPS stripped, the image turned upright, two sizes made), signed URLs
served by the API, the quota, deletion through the outbox, and every refusal: a declared type that is not an image,
bytes that are not an image, too many bytes, a decompression bomb, a tampered URL, a foreign id, a missing role."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import asyncpg
import httpx
from PIL import Image

from config import Settings
from models.base import tenant_scope
from models.content import Memorial, Message
from models.identity import Role
from models.media import Media, MediaKind, MediaStatus
from services.content.screen_content import screen_content
from services.infra.ids import to_global_id
from services.infra.storage import storage_for
from services.infra.storage.local import LocalStorage
from tests.support.actors import Factory
from tests.support.content import make
from tests.support.devices import make_tv
from tests.support.graphql import GQL, error_codes, pk, user_errors
from tests.support.media import ATTACH_IMAGE, ATTACH_PHOTO, UPLOAD, decompression_bomb, grant, photo_with_gps, png, put
from tests.support.outbox import run_due
from tests.support.snapshot import unchanged


def _path(settings: Settings, key: str) -> bool:
    storage = storage_for(settings)
    assert isinstance(storage, LocalStorage)
    return storage.path(key).exists()


async def _memorial(tenant_id: int, name: str = "Reb Chaim") -> Memorial:
    memorial: Memorial = await make(
        tenant_id, Memorial, name=name, hebrew_year=5760, hebrew_month="SIVAN", hebrew_day=1
    )
    return memorial


async def test_a_photo_is_verified_re_encoded_without_exif_and_served_by_signed_url(
    gql: GQL,
    http: httpx.AsyncClient,
    factory: Factory,
    settings: Settings,
    owner_db: asyncpg.Connection,
    tenant_db: asyncpg.Connection,
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    memorial = await _memorial(editor.tenant.id)
    original = photo_with_gps()
    upload = await grant(gql, editor, original)
    assert upload["method"] == "PUT" and upload["media"]["status"] == "UPLOADING"
    assert (await put(http, upload, original)).status_code == 200

    variables = {"input": {"memorialId": to_global_id("Memorial", memorial.id), "mediaId": upload["media"]["id"]}}
    result = await gql(ATTACH_PHOTO, variables, actor=editor)
    assert user_errors(result, "attachMemorialPhoto") == []
    photo = result["data"]["attachMemorialPhoto"]["memorial"]["photo"]
    assert (photo["kind"], photo["status"], photo["width"], photo["height"]) == ("MEMORIAL_PHOTO", "READY", 1600, 2400)

    served = await http.get(photo["url"])
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    image = Image.open(BytesIO(served.content))
    assert image.size == (1280, 1920) and dict(image.getexif()) == {}
    assert b"Camera Maker" not in served.content and b"Camera Maker" in original
    thumb = await http.get(photo["thumb"])
    assert Image.open(BytesIO(thumb.content)).size == (213, 320)
    tampered = photo["url"].replace("signature=", "signature=0")
    assert (await http.get(tampered)).status_code == 403

    row = await tenant_db.fetchrow("SELECT upload_key, stored_bytes FROM content_media WHERE id = $1", pk(photo["id"]))
    assert row is not None and row["stored_bytes"] == photo["byteSize"] == len(served.content) + len(thumb.content)
    assert _path(settings, row["upload_key"])  # the original, with its GPS, until the outbox deletes it
    await run_due(owner_db)
    assert not _path(settings, row["upload_key"])


async def test_refused_uploads_are_userErrors_and_leave_nothing_stored(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, settings: Settings, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    memorial_gid = to_global_id("Memorial", (await _memorial(editor.tenant.id)).id)

    async def declared(content_type: str, size: int) -> list[str]:
        variables = {"input": {"kind": "MEMORIAL_PHOTO", "contentType": content_type, "byteSize": size}}
        return [e["code"] for e in user_errors(await gql(UPLOAD, variables, actor=editor), "createUpload")]

    assert await declared("application/pdf", 100) == ["UNSUPPORTED_TYPE"]
    assert await declared("image/png", settings.media_max_upload_bytes + 1) == ["TOO_LARGE"]
    assert await declared("image/png", 0) == ["TOO_LARGE"]

    async def attached(data: bytes, body: bytes | None = None) -> list[str]:
        upload = await grant(gql, editor, data)
        if body is not None:
            assert (await put(http, upload, body)).status_code == 200
        variables = {"input": {"memorialId": memorial_gid, "mediaId": upload["media"]["id"]}}
        codes = [
            e["code"] for e in user_errors(await gql(ATTACH_PHOTO, variables, actor=editor), "attachMemorialPhoto")
        ]
        return codes

    assert await attached(png()) == ["NOT_UPLOADED"]
    fake = b"\x89PNG\r\n\x1a\n" + b"<script>alert(1)</script>" * 20
    assert await attached(fake, fake) == ["NOT_AN_IMAGE"]
    assert await attached(decompression_bomb(), decompression_bomb()) == ["TOO_LARGE"]
    truncated = photo_with_gps()[:5000]
    assert await attached(truncated, truncated) == ["NOT_AN_IMAGE"]
    async with tenant_scope(editor.tenant.id):
        refused = await Media.filter(status=MediaStatus.READY).count()
        keys = [row.upload_key for row in await Media.all()]
    assert refused == 0 and len(keys) == 1  # only the upload still waiting for its bytes is left
    await run_due(owner_db)
    assert not any(_path(settings, key) for key in keys)

    upload = await grant(gql, editor, png())
    assert (await put(http, upload, png() + b"more")).status_code == 403  # not the size signed
    assert (
        await put(http, {**upload, "url": upload["url"].replace("expires=", "expires=1")}, png())
    ).status_code == 403
    headers = [{"name": "Content-Type", "value": "image/jpeg"}]
    assert (await put(http, {**upload, "headers": headers}, png())).status_code == 403  # not the type signed


async def test_the_quota_counts_uploads_in_flight_and_usage_shows_on_the_synagogue(
    gql: GQL, factory: Factory, settings: Settings
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    await make(
        editor.tenant.id,
        Media,
        kind=MediaKind.MEMORIAL_PHOTO,
        status=MediaStatus.READY,
        content_type="image/jpeg",
        declared_bytes=1,
        upload_key=f"t{editor.tenant.id}/quota/original",
        upload_expires_at=datetime.now(UTC),
        stored_bytes=settings.media_quota_bytes - 100,
    )
    await grant(gql, editor, b"x" * 60, content_type="image/png")
    variables = {"input": {"kind": "MESSAGE_IMAGE", "contentType": "image/png", "byteSize": 41}}
    assert [e["code"] for e in user_errors(await gql(UPLOAD, variables, actor=editor), "createUpload")] == [
        "QUOTA_EXCEEDED"
    ]
    usage = await gql("{ synagogue { mediaUsage { usedBytes quotaBytes } } }", actor=editor)
    assert usage["data"]["synagogue"]["mediaUsage"] == {
        "usedBytes": settings.media_quota_bytes - 40,
        "quotaBytes": settings.media_quota_bytes,
    }


async def test_deleting_a_memorial_or_a_message_deletes_its_images_through_the_outbox(
    gql: GQL,
    http: httpx.AsyncClient,
    factory: Factory,
    settings: Settings,
    owner_db: asyncpg.Connection,
    tenant_db: asyncpg.Connection,
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    memorial = await _memorial(editor.tenant.id)
    message: Message = await make(editor.tenant.id, Message, title="Kiddush")
    keys: list[str] = []
    for attach, target, field in (
        (ATTACH_PHOTO, {"memorialId": to_global_id("Memorial", memorial.id)}, "attachMemorialPhoto"),
        (ATTACH_IMAGE, {"messageId": to_global_id("Message", message.id), "caption": "Kiddush"}, "attachMessageImage"),
    ):
        upload = await grant(
            gql, editor, png(alpha=True), "MEMORIAL_PHOTO" if field == "attachMemorialPhoto" else "MESSAGE_IMAGE"
        )
        await put(http, upload, png(alpha=True))
        result = await gql(attach, {"input": {**target, "mediaId": upload["media"]["id"]}}, actor=editor)
        assert user_errors(result, field) == []
        async with tenant_scope(editor.tenant.id):
            row = await Media.get(id=pk(upload["media"]["id"]))
        keys += [v["key"] for v in row.variants.values()]
    image = result["data"]["attachMessageImage"]["message"]["image"]
    assert image["caption"] == "Kiddush" and (await http.get(image["url"])).headers["content-type"] == "image/png"
    async with tenant_scope(editor.tenant.id):  # the screen shows the slide, its URL signed past validUntil
        screen = await screen_content(editor.tenant.id, datetime.now(UTC))
    slide = next(m for m in screen.messages if m.title == "Kiddush")
    assert slide.caption == "Kiddush" and slide.image is not None and slide.image["width"] == 40
    expires = int(str(slide.image["url"]).split("expires=")[1].split("&")[0])
    assert expires >= screen.valid_until.timestamp() + settings.media_url_ttl_seconds
    assert (await http.get(str(slide.image["url"]))).status_code == 200
    await run_due(owner_db)
    assert all(_path(settings, key) for key in keys)

    for field, gid in (
        ("deleteMemorial", to_global_id("Memorial", memorial.id)),
        ("deleteMessage", to_global_id("Message", message.id)),
    ):
        deleted = await gql(f"mutation($id: ID!) {{ {field}(id: $id) {{ deletedId }} }}", {"id": gid}, actor=editor)
        assert deleted["data"][field]["deletedId"] == gid
    assert await tenant_db.fetchval("SELECT count(*) FROM content_media WHERE tenant_id = $1", editor.tenant.id) == 0
    assert all(_path(settings, key) for key in keys)  # until the outbox runs
    await run_due(owner_db)
    assert not any(_path(settings, key) for key in keys)


async def test_media_cross_tenant_ids_are_not_found_and_change_nothing(
    gql: GQL, http: httpx.AsyncClient, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(role=Role.EDITOR)
    outsider = await factory.member(role=Role.EDITOR)
    theirs = await _memorial(victim.tenant.id)
    mine = await _memorial(outsider.tenant.id)
    upload = await grant(gql, victim, png())
    await put(http, upload, png())
    media_id = upload["media"]["id"]
    async with unchanged(owner_db, victim.tenant, outsider):
        foreign_media = {"input": {"memorialId": to_global_id("Memorial", mine.id), "mediaId": media_id}}
        result = await gql(ATTACH_PHOTO, foreign_media, actor=outsider)
        assert user_errors(result, "attachMemorialPhoto") == [
            {"field": ["mediaId"], "code": "NOT_FOUND", "message": "not found"}
        ]
        foreign_memorial = {"input": {"memorialId": to_global_id("Memorial", theirs.id), "mediaId": media_id}}
        result = await gql(ATTACH_PHOTO, foreign_memorial, actor=outsider)
        assert [e["code"] for e in user_errors(result, "attachMemorialPhoto")] == ["NOT_FOUND"]
        node = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": media_id}, actor=outsider)
        missing = await gql(
            "query($id: ID!) { node(id: $id) { id } }", {"id": to_global_id("Media", 2**31 - 1)}, actor=outsider
        )
        assert node["data"] == missing["data"] == {"node": None}


async def test_media_missing_role_viewers_and_devices_may_not_upload(
    gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    tv = await make_tv(viewer.tenant)
    memorial = await _memorial(viewer.tenant.id)
    variables = {"input": {"kind": "MEMORIAL_PHOTO", "contentType": "image/png", "byteSize": 10}}
    attach = {"input": {"memorialId": to_global_id("Memorial", memorial.id), "mediaId": to_global_id("Media", 1)}}
    editor = await factory.member(tenant=viewer.tenant, role=Role.EDITOR)
    async with unchanged(owner_db, viewer):
        assert error_codes(await gql(UPLOAD, variables, actor=viewer)) == ["FORBIDDEN"]
        assert error_codes(await gql(UPLOAD, variables, headers=tv.headers)) == ["FORBIDDEN"]
        assert error_codes(await gql(ATTACH_PHOTO, attach, actor=viewer)) == ["FORBIDDEN"]
        screenshot = {"input": {"kind": "SCREENSHOT", "contentType": "image/png", "byteSize": 10}}
        assert [e["code"] for e in user_errors(await gql(UPLOAD, screenshot, actor=editor), "createUpload")] == [
            "INVALID"
        ]
