"""Media on S3-compatible storage (moto's standalone server on loopback), end to end through `main.py serve` and
`main.py worker` processes configured for it: a presigned PUT straight to the bucket, verification and re-encoding
(EXIF and GPS gone), the API's signed URL redirecting to a presigned GET, the quota, a non-image refused, a foreign
id refused, and deletion through the outbox by the worker, retried with backoff while the bucket cannot be reached
until the objects are gone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import asyncpg
import httpx
from PIL import Image

from models.content import Memorial
from models.identity import Role
from models.media import Media, MediaKind, MediaStatus
from services.infra.ids import to_global_id
from tests.support.actors import Actor, Factory
from tests.support.content import make
from tests.support.graphql import GQL, error_codes, pk, user_errors
from tests.support.media import (
    ATTACH_PHOTO,
    UPLOAD,
    bucket_keys,
    grant,
    loopback_s3,
    moto_s3,
    photo_with_gps,
    png,
    put,
    put_objects,
)
from tests.support.processes import serving, start
from tests.support.snapshot import unchanged
from tests.support.waiting import wait_until

QUOTA = 5_000_000


async def _memorial_gid(actor: Actor) -> str:
    row = await make(actor.tenant.id, Memorial, name="Reb Chaim", hebrew_year=5760, hebrew_month="SIVAN", hebrew_day=1)
    return to_global_id("Memorial", row.id)


async def test_s3_upload_verification_quota_and_deletion(
    tmp_path: Path, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    memorial = await _memorial_gid(editor)
    with moto_s3("shulgraph-media") as s3:
        settings = {"media_storage": "s3", "media_quota_bytes": str(QUOTA), **s3}
        async with serving(tmp_path, **settings) as server:
            client = httpx.AsyncClient(base_url=server.base, timeout=30)
            gql = GQL(client)
            original = photo_with_gps()
            upload = await grant(gql, editor, original)
            assert upload["url"].startswith(s3["s3_endpoint_url"] + "/shulgraph-media/")
            assert (await put(client, upload, original)).status_code == 200

            attach = {"input": {"memorialId": memorial, "mediaId": upload["media"]["id"]}}
            result = await gql(ATTACH_PHOTO, attach, actor=editor)
            assert user_errors(result, "attachMemorialPhoto") == []
            photo = result["data"]["attachMemorialPhoto"]["memorial"]["photo"]
            assert (photo["status"], photo["width"], photo["height"]) == ("READY", 1600, 2400)
            redirect = await client.get(photo["url"])
            assert redirect.status_code == 307 and redirect.headers["location"].startswith(s3["s3_endpoint_url"])
            served = await client.get(photo["url"], follow_redirects=True)
            image = Image.open(BytesIO(served.content))
            assert image.size == (1280, 1920) and dict(image.getexif()) == {}
            assert b"Camera Maker" not in served.content
            prefix = f"t{editor.tenant.id}/"
            stored = [key for key in bucket_keys(s3) if key.startswith(prefix)]
            assert sorted(key.rsplit("/", 1)[1] for key in stored) == ["original", "screen.jpg", "thumb.jpg"]

            fake = b"GIF89a" + b"\x00" * 64
            refused = await grant(gql, editor, fake, content_type="image/png")
            await put(client, refused, fake)
            attach = {"input": {"memorialId": memorial, "mediaId": refused["media"]["id"]}}
            result = await gql(ATTACH_PHOTO, attach, actor=editor)
            assert [e["code"] for e in user_errors(result, "attachMemorialPhoto")] == ["NOT_AN_IMAGE"]

            used = await gql("{ synagogue { mediaUsage { usedBytes quotaBytes } } }", actor=editor)
            usage = used["data"]["synagogue"]["mediaUsage"]
            assert usage == {"usedBytes": photo["byteSize"], "quotaBytes": QUOTA}
            variables = {"input": {"kind": "MESSAGE_IMAGE", "contentType": "image/png", "byteSize": QUOTA}}
            assert [e["code"] for e in user_errors(await gql(UPLOAD, variables, actor=editor), "createUpload")] == [
                "TOO_LARGE" if QUOTA > 10_000_000 else "QUOTA_EXCEEDED"
            ]

            deleted = await gql(
                "mutation($id: ID!) { deleteMemorial(id: $id) { deletedId } }", {"id": memorial}, actor=editor
            )
            assert deleted["data"]["deleteMemorial"]["deletedId"] == memorial
            await client.aclose()
        assert [key for key in bucket_keys(s3) if key.startswith(prefix)]  # still there: the outbox deletes them
        worker = start(tmp_path, "worker", **settings)
        try:
            await wait_until(
                lambda: not [key for key in bucket_keys(s3) if key.startswith(prefix)],
                "the worker deleting the synagogue's objects from the bucket",
                timeout=60,
            )
        finally:
            worker.kill()
    count = "SELECT count(*) FROM content_media WHERE tenant_id = $1 AND status = 'READY'"
    assert await owner_db.fetchval(count, editor.tenant.id) == 0


async def test_s3_media_cross_tenant_and_missing_role_are_refused(
    tmp_path: Path, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    victim = await factory.member(role=Role.EDITOR)
    outsider = await factory.member(role=Role.EDITOR)
    viewer = await factory.member(tenant=outsider.tenant, role=Role.VIEWER)
    theirs = await make(
        victim.tenant.id,
        Media,
        kind=MediaKind.MEMORIAL_PHOTO,
        status=MediaStatus.UPLOADING,
        content_type="image/png",
        declared_bytes=10,
        upload_key=f"t{victim.tenant.id}/s3refused/original",
        upload_expires_at=datetime(2030, 1, 1, tzinfo=UTC),
    )
    mine = await _memorial_gid(outsider)
    with moto_s3("shulgraph-refusals") as s3:
        async with serving(tmp_path, media_storage="s3", **s3) as server:
            gql = GQL(client := httpx.AsyncClient(base_url=server.base, timeout=30))
            async with unchanged(owner_db, victim.tenant, outsider):
                attach = {"input": {"memorialId": mine, "mediaId": to_global_id("Media", theirs.id)}}
                result = await gql(ATTACH_PHOTO, attach, actor=outsider)
                assert [e["code"] for e in user_errors(result, "attachMemorialPhoto")] == ["NOT_FOUND"]
                declared = {"input": {"kind": "MEMORIAL_PHOTO", "contentType": "image/png", "byteSize": len(png())}}
                assert error_codes(await gql(UPLOAD, declared, actor=viewer)) == ["FORBIDDEN"]
            await client.aclose()
            assert pk(to_global_id("Media", theirs.id)) == theirs.id


async def test_a_failed_storage_delete_is_retried_with_backoff_until_the_objects_are_gone(
    tmp_path: Path, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    assert editor.tenant is not None
    memorial = await _memorial_gid(editor)
    keys = [f"t{editor.tenant.id}/retried/screen.png", f"t{editor.tenant.id}/retried/thumb.png"]
    await make(
        editor.tenant.id,
        Media,
        kind=MediaKind.MEMORIAL_PHOTO,
        status=MediaStatus.READY,
        content_type="image/png",
        declared_bytes=6,
        upload_key=f"t{editor.tenant.id}/retried/original",
        upload_expires_at=datetime(2030, 1, 1, tzinfo=UTC),
        variants={name: {"key": key} for name, key in zip(("screen", "thumb"), keys, strict=True)},
        memorial_id=pk(memorial),
    )
    with loopback_s3("shulgraph-retries") as s3:
        put_objects(s3.settings, keys)
        deleted = await gql(
            "mutation($id: ID!) { deleteMemorial(id: $id) { deletedId } }", {"id": memorial}, actor=editor
        )
        assert deleted["data"]["deleteMemorial"]["deletedId"] == memorial
        job = await owner_db.fetchrow(
            "SELECT id, run_after FROM job WHERE tenant_id = $1 AND kind = 'media.delete'", editor.tenant.id
        )
        assert job is not None
        s3.stop()  # the storage cannot be reached: every delete fails
        worker = start(tmp_path, "worker", media_storage="s3", **s3.settings)
        try:
            first = await _retrying(owner_db, job["id"], 1)
            assert first["run_after"] >= job["run_after"] + timedelta(seconds=5)  # backoff after the first failure
            second = await _retrying(owner_db, job["id"], 2)
            assert second["run_after"] >= first["run_after"] + timedelta(seconds=10)  # doubled
            s3.start()  # back: the next attempt deletes the objects
            assert bucket_keys(s3.settings) == sorted(keys)  # nothing was lost while it was down
            await wait_until(
                lambda: _done(owner_db, job["id"]), "the retried media.delete job done", timeout=60, every=0.2
            )
        finally:
            worker.kill()
        assert [key for key in bucket_keys(s3.settings) if key.startswith(f"t{editor.tenant.id}/")] == []
    row = await owner_db.fetchrow("SELECT status, attempts FROM job WHERE id = $1", job["id"])
    assert row is not None and (row["status"], row["attempts"]) == ("DONE", 3)


async def _retrying(owner_db: asyncpg.Connection, job_id: int, attempts: int) -> asyncpg.Record:
    """The job's row once it has failed `attempts` times and waits for its next attempt."""
    query = "SELECT status, attempts, run_after FROM job WHERE id = $1"

    async def failed() -> bool:
        row = await owner_db.fetchrow(query, job_id)
        return row is not None and row["attempts"] == attempts and row["status"] == "PENDING"

    await wait_until(failed, f"media.delete failed {attempts} time(s) and waiting", timeout=60, every=0.1)
    row = await owner_db.fetchrow(query, job_id)
    assert row is not None
    return row


async def _done(owner_db: asyncpg.Connection, job_id: int) -> bool:
    return bool(await owner_db.fetchval("SELECT status = 'DONE' FROM job WHERE id = $1", job_id))
