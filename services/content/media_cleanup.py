"""Deleting media: a row goes at once (so the quota frees at once), its stored objects through the outbox, so that a
storage that fails to delete is asked again (doubling backoff, up to ten attempts). An upload never attached is
discarded the same way once its URL has expired. In Shabbat mode an image removed during the rest stays on the
screens, and in the storage, until havdalah."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from config import get_settings
from models.media import Media, MediaKind, MediaStatus
from services.content.holds import hold
from services.infra.storage import storage_for
from services.outbox.queue import JobRun, enqueue, handler

DELETE_JOB = "media.delete"
EXPIRE_JOB = "media.expire"
DELETE_ATTEMPTS = 10
EXPIRY_GRACE_SECONDS = 60


def keys_of(media: Media) -> list[str]:
    """Every stored object of a media row: the upload and each variant."""
    return [media.upload_key, *(str(v["key"]) for v in media.variants.values())]


async def delete_objects(keys: Iterable[str], after: datetime | None = None) -> None:
    """Queue the deletion of stored objects (in the caller's transaction), due at once or `after` a moment."""
    keys = list(dict.fromkeys(keys))
    if keys:
        delay = max(0.0, (after - datetime.now(UTC)).total_seconds()) if after else 0.0
        await enqueue(DELETE_JOB, {"keys": keys}, max_attempts=DELETE_ATTEMPTS, delay_seconds=delay)


async def discard(rows: Iterable[Media], held: datetime | None = None) -> None:
    """Delete media rows now and their stored objects through the outbox. Images the screens show while the deletion
    is `held` (Shabbat mode) stay shown, and stored, until that havdalah."""
    rows = list(rows)
    if rows:
        await hold(rows, held)
        await delete_objects((key for row in rows for key in keys_of(row)), after=held)
        await Media.filter(id__in=[row.id for row in rows]).delete()


async def release(
    *, memorial_id: int | None = None, message_id: int | None = None, held: datetime | None = None
) -> None:
    """Discard the media of a memorial or a message about to be deleted (`held`: as `discard`)."""
    if memorial_id is not None:
        await discard(await Media.filter(memorial_id=memorial_id), held)
    if message_id is not None:
        await discard(await Media.filter(message_id=message_id), held)


async def keep_latest_screenshots(device_id: int, kept: int) -> None:
    """Discard a device's screenshots past the newest `kept`."""
    rows = await Media.filter(device_id=device_id, kind=MediaKind.SCREENSHOT, status=MediaStatus.READY).order_by("-id")
    await discard(rows[kept:])


async def expire_later(media: Media, after_seconds: int) -> None:
    await enqueue(EXPIRE_JOB, {"media_id": media.id}, delay_seconds=after_seconds + EXPIRY_GRACE_SECONDS)


@handler(DELETE_JOB)
async def delete_job(run: JobRun) -> None:
    """Delete the stored objects named (deleting one already gone is no error); a failure retries the job."""
    storage = storage_for(get_settings())
    for key in run.payload.get("keys", []):
        await storage.delete(str(key))


@handler(EXPIRE_JOB)
async def expire_job(run: JobRun) -> None:
    """Discard an upload still not attached when its URL has expired."""
    async with run.scope():
        await discard(await Media.filter(id=run.payload["media_id"], status=MediaStatus.UPLOADING))
