"""Media storage behind one interface: the local filesystem under `MEDIA_DIR` (the embedded mode, served by the API
itself) or an S3-compatible bucket (production). Uploads go straight to the storage through a presigned PUT; what
the API hands out to be shown are its own signed, expiring URLs (`services.infra.storage.signing`), which the API
answers from the filesystem or by redirecting to a presigned GET of the bucket."""

from __future__ import annotations

from functools import cache

from config import Settings
from services.infra.storage.base import PresignedUpload, Storage

__all__ = ["PresignedUpload", "Storage", "storage_for"]


@cache
def _storage(kind: str, settings: Settings) -> Storage:
    if kind == "s3":
        from services.infra.storage.s3 import S3Storage

        return S3Storage(settings)
    from services.infra.storage.local import LocalStorage

    return LocalStorage(settings)


def storage_for(settings: Settings) -> Storage:
    """The storage the settings name (one per settings object)."""
    return _storage(settings.media_storage, settings)
