"""Images and uploads for the media tests: real JPEG/PNG bytes (one carrying EXIF with GPS), a decompression bomb,
the upload flow as a client runs it (createUpload, the presigned PUT, attach), taking an image off again, and moto's
S3 server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from typing import Any

import boto3
import httpx
from moto.server import ThreadedMotoServer
from PIL import Image

from services.infra.ids import from_global_id
from tests.support.actors import Actor
from tests.support.graphql import GQL
from tests.support.live import free_port

GPS_IFD = 0x8825
UPLOAD = """mutation($input: CreateUploadInput!) {
  createUpload(input: $input) {
    upload { media { id status } url method headers { name value } expiresAt }
    userErrors { field code message }
  }
}"""
ATTACH_PHOTO = """mutation($input: AttachMemorialPhotoInput!) {
  attachMemorialPhoto(input: $input) {
    memorial { id heldUntil photo { id kind status width height byteSize url thumb: url(variant: THUMB) } }
    userErrors { field code message }
  }
}"""
ATTACH_IMAGE = """mutation($input: AttachMessageImageInput!) {
  attachMessageImage(input: $input) {
    message { id heldUntil image { id status width height caption url } }
    userErrors { field code message }
  }
}"""

REMOVE_PHOTO = """mutation($input: RemoveMemorialPhotoInput!) {
  removeMemorialPhoto(input: $input) { memorial { id heldUntil photo { id } } userErrors { field code } }
}"""
REMOVE_IMAGE = """mutation($input: RemoveMessageImageInput!) {
  removeMessageImage(input: $input) { message { id title heldUntil image { id } } userErrors { field code } }
}"""


def photo_with_gps(width: int = 2400, height: int = 1600) -> bytes:
    """A JPEG whose EXIF names a camera and a place (GPS), rotated by its Orientation tag (6: 90 degrees)."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"
    exif[0x0112] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (40.0, 42.0, 46.0), "W", (74.0, 0.0, 21.0)
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(width: int = 40, height: int = 30, alpha: bool = False) -> bytes:
    out = BytesIO()
    Image.new("RGBA" if alpha else "RGB", (width, height), (10, 20, 30, 128) if alpha else (10, 20, 30)).save(
        out, "PNG"
    )
    return out.getvalue()


def decompression_bomb() -> bytes:
    """A small PNG (tens of kilobytes) that decodes to 64 million pixels."""
    out = BytesIO()
    Image.new("1", (8000, 8000)).save(out, "PNG", optimize=True)
    return out.getvalue()


async def put(client: httpx.AsyncClient, upload: dict[str, Any], data: bytes) -> httpx.Response:
    """The client's PUT to the presigned URL, with exactly the headers it was given."""
    headers = {h["name"]: h["value"] for h in upload["headers"]}
    return await client.request(upload["method"], upload["url"], content=data, headers=headers)


async def grant(gql: GQL, editor: Actor, data: bytes, kind: str = "MEMORIAL_PHOTO", content_type: str = "") -> Any:
    """createUpload for `data`; the upload granted (asserting no userErrors)."""
    content_type = content_type or ("image/png" if data.startswith(b"\x89PNG") else "image/jpeg")
    variables = {"input": {"kind": kind, "contentType": content_type, "byteSize": len(data)}}
    result = await gql(UPLOAD, variables, actor=editor)
    assert result["data"]["createUpload"]["userErrors"] == [], result
    return result["data"]["createUpload"]["upload"]


async def attach(
    gql: GQL, http: httpx.AsyncClient, editor: Actor, owner_id: str, data: bytes | None = None, **fields: Any
) -> dict[str, Any]:
    """An image uploaded and attached to a memorial (its photo) or a message (its image), by the owner's global id,
    accepted; the mutation's payload."""
    data = data or png()
    parsed = from_global_id(owner_id)
    memorial = parsed is not None and parsed[0] == "Memorial"
    upload = await grant(gql, editor, data, "MEMORIAL_PHOTO" if memorial else "MESSAGE_IMAGE")
    assert (await put(http, upload, data)).status_code == 200
    target = {"memorialId": owner_id} if memorial else {"messageId": owner_id}
    field = "attachMemorialPhoto" if memorial else "attachMessageImage"
    variables = {"input": {**target, "mediaId": upload["media"]["id"], **fields}}
    result = await gql(ATTACH_PHOTO if memorial else ATTACH_IMAGE, variables, actor=editor)
    assert result["data"][field]["userErrors"] == [], result
    payload: dict[str, Any] = result["data"][field]
    return payload


class LoopbackS3:
    """moto's standalone S3 server on a loopback port, which a test may stop and start again on the same port (its
    buckets and objects are kept: moto keeps them in this process)."""

    def __init__(self, bucket: str) -> None:
        self.port = free_port()
        self.settings = {
            "s3_endpoint_url": f"http://127.0.0.1:{self.port}",
            "s3_bucket": bucket,
            "s3_region": "us-east-1",
            "s3_access_key_id": "testing",
            "s3_secret_access_key": "testing",
        }
        self.server: ThreadedMotoServer | None = None

    def start(self) -> None:
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@contextmanager
def loopback_s3(bucket: str) -> Iterator[LoopbackS3]:
    """A running `LoopbackS3` with `bucket` made; stopped after the block."""
    s3 = LoopbackS3(bucket)
    s3.start()
    try:
        _client(s3.settings).create_bucket(Bucket=bucket)
        yield s3
    finally:
        s3.stop()


@contextmanager
def moto_s3(bucket: str) -> Iterator[dict[str, str]]:
    """moto's standalone S3 server on a loopback port with `bucket` made; yields the S3_* settings for it."""
    with loopback_s3(bucket) as s3:
        yield s3.settings


def _client(settings: dict[str, str]) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=settings["s3_endpoint_url"],
        region_name=settings["s3_region"],
        aws_access_key_id=settings["s3_access_key_id"],
        aws_secret_access_key=settings["s3_secret_access_key"],
    )


def bucket_keys(settings: dict[str, str]) -> list[str]:
    listing = _client(settings).list_objects_v2(Bucket=settings["s3_bucket"])
    return sorted(item["Key"] for item in listing.get("Contents", []))


def put_objects(settings: dict[str, str], keys: list[str]) -> None:
    for key in keys:
        _client(settings).put_object(Bucket=settings["s3_bucket"], Key=key, Body=b"stored", ContentType="image/png")
