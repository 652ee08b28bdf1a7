"""Media uploads (memorial photos, message images, device screenshots): `create_upload` grants a presigned upload of a
declared image type and size within the synagogue's quota; an `attach_*` verifies what was stored (its real type, its
size, its pixels: `services.content.media_images`), stores the re-encoded variants, and ties the media to its memorial,
message or screenshot command. Nothing is served before it is verified; what is refused is deleted."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from config import Settings
from models.base import current_tenant_id
from models.content import Memorial, Message
from models.media import Media, MediaKind, MediaStatus
from models.synagogue import Synagogue
from services.content.holds import hold
from services.content.media_cleanup import delete_objects, discard, expire_later, keep_latest_screenshots
from services.content.media_images import FORMATS, ImageRefused, verify_image
from services.infra.problems import Problem, Problems
from services.infra.storage import PresignedUpload, storage_for
from services.infra.storage.signing import media_url

ACCEPTED_TYPES = frozenset(FORMATS.values())


@dataclass(frozen=True)
class Upload:
    """A granted upload: the media row (UPLOADING) and where to put the bytes until `expires_at`."""

    media: Media
    target: PresignedUpload
    expires_at: datetime


async def usage() -> int:
    """Bytes the current synagogue's media take (uploads in flight at their declared size)."""
    sizes: list[int] = await Media.all().values_list("stored_bytes", flat=True)  # type: ignore[assignment]
    return sum(sizes)


async def _lock_quota() -> None:
    """Serialise the synagogue's quota checks (a row lock on the synagogue, for this transaction)."""
    await Synagogue.filter(id=current_tenant_id()).select_for_update().first()


async def create_upload(
    settings: Settings,
    kind: MediaKind,
    content_type: str,
    size: int,
    *,
    user_id: int | None = None,
    device_id: int | None = None,
    command_id: int | None = None,
) -> tuple[Upload | None, Problems]:
    problems = Problems()
    content_type = content_type.strip().lower()
    if content_type not in ACCEPTED_TYPES:
        problems.add("contentType", "UNSUPPORTED_TYPE", "images only: image/jpeg, image/png or image/webp")
    if not 1 <= size <= settings.media_max_upload_bytes:
        problems.add("byteSize", "TOO_LARGE", f"from 1 to {settings.media_max_upload_bytes} bytes")
    if problems:
        return None, problems
    await _lock_quota()
    if await usage() + size > settings.media_quota_bytes:
        problems.add("byteSize", "QUOTA_EXCEEDED", f"the synagogue's {settings.media_quota_bytes} bytes are in use")
        return None, problems
    ttl = settings.media_upload_ttl_seconds
    expires_at = datetime.now(UTC) + timedelta(seconds=ttl)
    key = f"t{current_tenant_id()}/{secrets.token_hex(12)}/original"
    media = await Media.create(
        kind=kind,
        content_type=content_type,
        declared_bytes=size,
        upload_key=key,
        upload_expires_at=expires_at,
        stored_bytes=size,
        created_by_id=user_id,
        device_id=device_id,
        command_id=command_id,
    )
    await expire_later(media, ttl)
    target = await storage_for(settings).presign_upload(key, content_type, size, ttl)
    return Upload(media, target, expires_at), problems


async def _refuse(media: Media, code: str, message: str) -> list[Problem]:
    await discard([media])
    return [Problem("mediaId", code, message)]


async def verify(settings: Settings, media: Media) -> list[Problem]:
    """Verify and re-encode an uploaded image (once: a READY one passes as it is). A refused upload is discarded."""
    if media.status == MediaStatus.READY:
        return []
    storage = storage_for(settings)
    size = await storage.size_of(media.upload_key)
    if size is None:
        if media.upload_expires_at <= datetime.now(UTC):
            return await _refuse(media, "EXPIRED", "the upload URL expired before anything was uploaded")
        return [Problem("mediaId", "NOT_UPLOADED", "nothing has been uploaded yet")]
    if size > min(media.declared_bytes, settings.media_max_upload_bytes):
        return await _refuse(media, "TOO_LARGE", f"{size} bytes stored, {media.declared_bytes} declared")
    data = await storage.read(media.upload_key) or b""
    try:
        verified = await asyncio.to_thread(verify_image, data, settings.media_max_pixels)
    except ImageRefused as refused:
        return await _refuse(media, refused.code, refused.message)
    stored = sum(len(v.data) for v in verified.variants)
    await _lock_quota()
    if await usage() - media.stored_bytes + stored > settings.media_quota_bytes:
        return await _refuse(media, "QUOTA_EXCEEDED", "the synagogue's media quota is used up")
    prefix = media.upload_key.rsplit("/", 1)[0]
    variants: dict[str, Any] = {}
    for variant in verified.variants:
        key = f"{prefix}/{variant.name}{variant.extension}"
        await storage.write(key, variant.data, variant.content_type)
        variants[variant.name] = {
            "key": key,
            "width": variant.width,
            "height": variant.height,
            "bytes": len(variant.data),
            "contentType": variant.content_type,
        }
    media.status, media.width, media.height = MediaStatus.READY, verified.width, verified.height
    media.variants, media.stored_bytes, media.verified_at = variants, stored, datetime.now(UTC)
    await media.save()
    await delete_objects([media.upload_key])  # the original may carry EXIF and GPS: only the variants are kept
    return []


def _attachable(media: Media | None, kind: MediaKind) -> list[Problem]:
    if media is None:
        return [Problem("mediaId", "NOT_FOUND", "not found")]
    if media.kind != kind:
        return [Problem("mediaId", "INVALID", f"this upload was made for {media.kind.value}, not {kind.value}")]
    if media.memorial_id or media.message_id or (media.kind == MediaKind.SCREENSHOT and media.status == "READY"):
        return [Problem("mediaId", "CONFLICT", "this upload is attached already")]
    return []


_OWNER_FIELD = {Memorial: "memorial_id", Message: "message_id"}


async def _replace(owner: Memorial | Message, media: Media, held: datetime | None) -> None:
    """Before `media` is tied to `owner`: its previous image deleted, and in Shabbat mode (`held` until a havdalah)
    the screens keep showing `owner` as it was (its previous image, not the new one) until then."""
    await discard(await Media.filter(**{_OWNER_FIELD[type(owner)]: owner.id}).exclude(id=media.id), held)
    await hold([owner, media], held)


async def attach_memorial_photo(
    settings: Settings, media: Media | None, memorial: Memorial, held: datetime | None = None
) -> list[Problem]:
    """The memorial's photo becomes `media` (a previous photo is deleted; `held`: see `_replace`)."""
    problems = _attachable(media, MediaKind.MEMORIAL_PHOTO) or await verify(settings, media)  # type: ignore[arg-type]
    if problems or media is None:
        return problems
    await _replace(memorial, media, held)
    media.memorial_id = memorial.id
    await media.save(update_fields=["memorial_id"])
    return []


async def attach_message_image(
    settings: Settings, media: Media | None, message: Message, caption: str | None, held: datetime | None = None
) -> list[Problem]:
    """The message becomes a slide showing `media`, with an optional caption (a previous image is deleted; `held`:
    see `_replace`)."""
    problems = Problems()
    text = problems.text("caption", caption or "", max_length=300) or ""
    if problems:
        return problems
    problems.extend(_attachable(media, MediaKind.MESSAGE_IMAGE) or await verify(settings, media))  # type: ignore[arg-type]
    if problems or media is None:
        return problems
    await _replace(message, media, held)
    media.message_id, media.caption = message.id, text
    await media.save(update_fields=["message_id", "caption"])
    return []


async def remove_image(owner: Memorial | Message, held: datetime | None = None) -> bool:
    """Take its photo off a memorial, or its image off a message (which stays, as text): the media row at once, the
    stored objects through the outbox. In Shabbat mode (`held` until a havdalah) the screens keep showing the image,
    and the storage keeps it, until then. False: there was none."""
    rows = await Media.filter(**{_OWNER_FIELD[type(owner)]: owner.id})
    if rows:
        await hold([owner], held)
        await discard(rows, held)
    return bool(rows)


async def attach_screenshot(settings: Settings, media: Media | None, command_id: int) -> list[Problem]:
    """A device's capture for its SCREENSHOT command (`media` was granted for that command)."""
    problems = _attachable(media, MediaKind.SCREENSHOT)
    if not problems and media is not None and media.command_id != command_id:
        problems = [Problem("mediaId", "INVALID", "this upload was granted for another command")]
    if problems or media is None:
        return problems
    problems = await verify(settings, media)
    if not problems and media.device_id is not None:
        await keep_latest_screenshots(media.device_id, settings.media_screenshots_kept)
    return problems


def image_of(settings: Settings, media: Media | None, variant: str, at_least: datetime | None) -> dict[str, Any] | None:
    """`{url, width, height}` of a READY media's variant, its URL signed to last at least until `at_least`."""
    if media is None or media.status != MediaStatus.READY or variant not in media.variants:
        return None
    shown = media.variants[variant]
    return {"url": media_url(settings, shown["key"], at_least), "width": shown["width"], "height": shown["height"]}
