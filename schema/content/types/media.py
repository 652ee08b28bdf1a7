"""Images: memorial photos, slides' images and screenshots, and the upload that brings one in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from models import media as m
from schema.content.enums import MediaKind, MediaStatus, MediaVariant
from schema.context import Info
from schema.relay import Node
from services.content.media import Upload, image_of
from services.infra.ids import to_global_id


@strawberry.type(description="An image the synagogue stored; its URLs exist only once the server verified it.")
class Media(Node):
    id: strawberry.ID = strawberry.field(description="The image's global id.")
    kind: MediaKind = strawberry.field(description="What the image is for.")
    status: MediaStatus = strawberry.field(description="UPLOADING until verified, then READY.")
    content_type: str = strawberry.field(description="The type declared for the upload (image/jpeg, image/png, ...).")
    width: int | None = strawberry.field(description="Its width in pixels, upright; null until verified.")
    height: int | None = strawberry.field(description="Its height in pixels, upright; null until verified.")
    byte_size: int = strawberry.field(description="Bytes it takes of the synagogue's quota (all its sizes).")
    caption: str = strawberry.field(description="A slide's caption (may be empty).")
    created_at: dt.datetime = strawberry.field(description="When the upload was granted.")
    _row: strawberry.Private[m.Media]

    @strawberry.field(description="A signed URL of one of its sizes, valid for a while; null until verified.")
    def url(
        self,
        info: Info,
        variant: Annotated[
            MediaVariant, strawberry.argument(description="Which size: SCREEN (the default) or THUMB.")
        ] = MediaVariant.SCREEN,
    ) -> str | None:
        image = image_of(info.context.settings, self._row, variant.name.lower(), None)
        return None if image is None else str(image["url"])

    @classmethod
    def of(cls, row: m.Media) -> Media:
        return cls(
            id=strawberry.ID(to_global_id("Media", row.id)),
            kind=MediaKind[row.kind.name],
            status=MediaStatus[row.status.name],
            content_type=row.content_type,
            width=row.width,
            height=row.height,
            byte_size=row.stored_bytes,
            caption=row.caption,
            created_at=row.created_at,
            _row=row,
        )


@strawberry.type(description="An HTTP header the upload must carry.")
class UploadHeader:
    name: str = strawberry.field(description="The header's name.")
    value: str = strawberry.field(description="Its value, exactly.")


@strawberry.type(
    description="Where to put an image: send its bytes with `method` to `url` carrying `headers`, before "
    "`expiresAt`; then attach `media` (attachMemorialPhoto, attachMessageImage, attachScreenshot)."
)
class MediaUpload:
    media: Media = strawberry.field(description="The image, UPLOADING until attached and verified.")
    url: str = strawberry.field(description="The presigned URL to send the bytes to.")
    method: str = strawberry.field(description="The HTTP method to send them with (PUT).")
    headers: list[UploadHeader] = strawberry.field(description="Headers the request must carry, exactly.")
    expires_at: dt.datetime = strawberry.field(description="The URL works until then.")

    @classmethod
    def of(cls, upload: Upload) -> MediaUpload:
        target = upload.target
        return cls(
            media=Media.of(upload.media),
            url=target.url,
            method=target.method,
            headers=[UploadHeader(name=name, value=value) for name, value in target.headers.items()],
            expires_at=upload.expires_at,
        )
