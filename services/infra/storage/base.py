"""The media storage interface: what a storage must do, and what a presigned upload hands the client."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class PresignedUpload:
    """Where and how the client puts an upload: `method` to `url`, with exactly these `headers`."""

    url: str
    method: str = "PUT"
    headers: dict[str, str] = field(default_factory=dict)


class Storage(Protocol):
    """What the media service needs of a storage. Keys are relative paths (`t12/34-abcd/screen.jpg`)."""

    async def presign_upload(self, key: str, content_type: str, size: int, expires_in: int) -> PresignedUpload:
        """A URL that accepts one PUT of `size` bytes of `content_type` at `key` for `expires_in` seconds."""

    async def size_of(self, key: str) -> int | None:
        """The stored object's size; None when nothing is stored there."""

    async def read(self, key: str) -> bytes | None:
        """The stored bytes; None when nothing is stored there."""

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        """Store `data` at `key`, replacing anything there."""

    async def delete(self, key: str) -> None:
        """Remove `key`; removing what is not there is no error."""

    async def download_url(self, key: str, expires_in: int) -> str | None:
        """A URL the storage itself serves `key` from (a presigned GET); None when the API serves it."""
