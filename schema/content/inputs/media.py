"""Inputs of uploads: an image type and size declared before the bytes go straight to the storage."""

from __future__ import annotations

import strawberry

from schema.content.enums import MediaKind

_CONTENT_TYPE = "The image's type: image/jpeg, image/png or image/webp (checked again against the bytes stored)."
URGENT = (
    "Shabbat mode: show it at once even during Shabbat or yom tov (ADMIN and above); otherwise an edit then is "
    "shown from havdalah."
)
_BYTE_SIZE = "The file's exact size in bytes, at most the MEDIA_MAX_UPLOAD_BYTES setting."


@strawberry.input(description="An image to upload: what it is for, its type and its size.")
class CreateUploadInput:
    kind: MediaKind = strawberry.field(description="MEMORIAL_PHOTO or MESSAGE_IMAGE (screens upload SCREENSHOTs).")
    content_type: str = strawberry.field(description=_CONTENT_TYPE)
    byte_size: int = strawberry.field(description=_BYTE_SIZE)


@strawberry.input(description="A screen's capture for one of its SCREENSHOT commands: its type and size.")
class CreateScreenshotUploadInput:
    command_id: strawberry.ID = strawberry.field(description="The SCREENSHOT command's global id.")
    content_type: str = strawberry.field(description=_CONTENT_TYPE)
    byte_size: int = strawberry.field(description=_BYTE_SIZE)


@strawberry.input(description="The capture uploaded for a SCREENSHOT command: completes the command.")
class AttachScreenshotInput:
    command_id: strawberry.ID = strawberry.field(description="The SCREENSHOT command's global id.")
    media_id: strawberry.ID = strawberry.field(description="The upload's media id (from createScreenshotUpload).")
