"""The local media storage: files under `MEDIA_DIR` (`$DATA_DIR/media` by default), for the embedded mode and a
single machine. Uploads are PUT to the API itself (`services.infra.storage.routes`), with signed URLs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from pathlib import Path

from config import Settings
from services.infra.storage.base import PresignedUpload
from services.infra.storage.signing import is_key, upload_url


class LocalStorage:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def path(self, key: str) -> Path:
        if not is_key(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.settings.media_root / key

    async def presign_upload(self, key: str, content_type: str, size: int, expires_in: int) -> PresignedUpload:
        url = upload_url(self.settings, key, content_type, size, expires_in)
        return PresignedUpload(url=url, headers={"Content-Type": content_type})

    async def size_of(self, key: str) -> int | None:
        path = self.path(key)
        return path.stat().st_size if path.is_file() else None

    async def read(self, key: str) -> bytes | None:
        path = self.path(key)
        return await asyncio.to_thread(path.read_bytes) if path.is_file() else None

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(write_file, self.path(key), [data])

    async def delete(self, key: str) -> None:
        path = self.path(key)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        with contextlib.suppress(OSError):  # the object's folder, once empty
            path.parent.rmdir()

    async def download_url(self, key: str, expires_in: int) -> str | None:
        return None


def write_file(path: Path, chunks: list[bytes]) -> None:
    """Write whole or not at all: into a temporary file beside `path`, then renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
