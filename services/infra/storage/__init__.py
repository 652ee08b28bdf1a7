"""Media storage behind one interface: the local filesystem under `MEDIA_DIR` (the embedded mode, served by the API
itself) or an S3-compatible bucket (production). Uploads go straight to the storage through a presigned PUT; what
the API hands out to be shown are its own signed, expiring URLs (`services.infra.storage.signing`), which the API
answers from the filesystem or by redirecting to a presigned GET of the bucket."""

from __future__ import annotations

from config import Settings
from services.infra.storage.base import PresignedUpload, Storage

__all__ = ["PresignedUpload", "Storage", "storage_for"]


_made: dict[int, tuple[Settings, Storage]] = {}


def _storage(settings: Settings) -> Storage:
    if settings.media_storage == "s3":
        from services.infra.storage.s3 import S3Storage

        return S3Storage(settings)
    from services.infra.storage.local import LocalStorage

    return LocalStorage(settings)


def storage_for(settings: Settings) -> Storage:
    """The storage the settings name (one per settings object)."""
    made = _made.get(id(settings))
    if made is None or made[0] is not settings:
        made = _made[id(settings)] = (settings, _storage(settings))
    return made[1]
