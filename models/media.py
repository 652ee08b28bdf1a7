"""The content domain's media: memorial photos, message images (slides) and device screenshots. A row is made when
an upload is granted and becomes READY only once the server has verified and re-encoded what was stored; the bytes
themselves live in the media storage (`services.infra.storage`), named by the keys kept here."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from models.base import TenantModel


class MediaKind(StrEnum):
    MEMORIAL_PHOTO = "MEMORIAL_PHOTO"
    MESSAGE_IMAGE = "MESSAGE_IMAGE"
    SCREENSHOT = "SCREENSHOT"


class MediaStatus(StrEnum):
    UPLOADING = "UPLOADING"
    """A presigned upload URL was handed out; nothing stored is trusted yet."""
    READY = "READY"
    """Verified and re-encoded: its variants may be served."""


class Media(TenantModel):
    """One image. `upload_key` is where the client puts the original (deleted once verified); `variants` are the
    re-encoded sizes that are served: `{"screen": {"key", "width", "height", "bytes", "contentType"}, "thumb": ...}`.
    `stored_bytes` counts against the synagogue's quota (the declared size while UPLOADING)."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(MediaKind, max_length=16)
    status = fields.CharEnumField(MediaStatus, max_length=12, default=MediaStatus.UPLOADING)
    content_type = fields.CharField(max_length=32)
    declared_bytes = fields.IntField()
    upload_key = fields.CharField(max_length=200)
    upload_expires_at = fields.DatetimeField()
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    stored_bytes = fields.BigIntField(default=0)
    variants: dict[str, Any] = fields.JSONField(default=dict)
    caption = fields.CharField(max_length=300, default="")
    memorial_id = fields.IntField(null=True, db_index=True)
    message_id = fields.IntField(null=True, db_index=True)
    device_id = fields.IntField(null=True, db_index=True)
    command_id = fields.IntField(null=True, db_index=True)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    verified_at = fields.DatetimeField(null=True)

    class Meta:
        table = "content_media"
        ordering = ["-id"]
