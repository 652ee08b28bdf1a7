"""The S3-compatible media storage (production), through aioboto3: presigned PUTs for uploads, presigned GETs
behind the API's own signed URLs, and HEAD, GET, PUT and DELETE for verification and clean-up."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

import aioboto3
from botocore.config import Config
from botocore.exceptions import ClientError

from config import Settings
from services.infra.storage.base import PresignedUpload

_MISSING = {"404", "NoSuchKey", "NotFound"}


class S3Storage:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.bucket = settings.s3_bucket
        self.session = aioboto3.Session(
            aws_access_key_id=settings.s3_access_key_id,
            aws_secret_access_key=settings.s3_secret_access_key,
            region_name=settings.s3_region,
        )
        self.config = Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 3})

    def client(self) -> AbstractAsyncContextManager[Any]:
        return self.session.client("s3", endpoint_url=self.settings.s3_endpoint_url, config=self.config)  # type: ignore[no-any-return]

    async def presign_upload(self, key: str, content_type: str, size: int, expires_in: int) -> PresignedUpload:
        async with self.client() as s3:
            url = await s3.generate_presigned_url(
                "put_object",
                Params={"Bucket": self.bucket, "Key": key, "ContentType": content_type},
                ExpiresIn=expires_in,
            )
        return PresignedUpload(url=str(url), headers={"Content-Type": content_type})

    async def size_of(self, key: str) -> int | None:
        async with self.client() as s3:
            try:
                head = await s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if str(error.response.get("Error", {}).get("Code")) in _MISSING:
                    return None
                raise
        return int(head["ContentLength"])

    async def read(self, key: str) -> bytes | None:
        async with self.client() as s3:
            try:
                answer = await s3.get_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if str(error.response.get("Error", {}).get("Code")) in _MISSING:
                    return None
                raise
            async with answer["Body"] as body:
                data: bytes = await body.read()
        return data

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        async with self.client() as s3:
            await s3.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    async def delete(self, key: str) -> None:
        async with self.client() as s3:
            await s3.delete_object(Bucket=self.bucket, Key=key)

    async def download_url(self, key: str, expires_in: int) -> str | None:
        async with self.client() as s3:
            url = await s3.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=expires_in
            )
        return str(url)
