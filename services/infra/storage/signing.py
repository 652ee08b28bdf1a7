"""The API's own media URLs: signed with a key derived from the JWT secret, expiring at a moment rounded up to the
hour, so that every process signs the same object for the same screen state with the same URL (a screen state's
version does not change because another process computed it).

`/media/<key>?expires=<unix>&signature=<hex>` is a GET of a stored variant; the local storage's uploads are the same
path with the PUT method, the content type and the size signed in as well."""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from config import Settings

MEDIA_PATH = "/media/"
_KEY = re.compile(r"^t[0-9]+/[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+$")
_ROUND_SECONDS = 3600


def is_key(key: str) -> bool:
    """A key the media service makes: `t<tenant>/<object>/<name>`, nothing else (no `..`, no absolute path)."""
    return bool(_KEY.match(key)) and ".." not in key


def _secret(settings: Settings) -> bytes:
    return hmac.new(settings.jwt_key().encode(), b"shulgraph media urls", hashlib.sha256).digest()


def signature(settings: Settings, method: str, key: str, expires: int, content_type: str = "", size: int = 0) -> str:
    message = f"{method}\n{key}\n{expires}\n{content_type}\n{size}".encode()
    return hmac.new(_secret(settings), message, hashlib.sha256).hexdigest()


def valid(
    settings: Settings, method: str, key: str, expires: int, sig: str, content_type: str = "", size: int = 0
) -> bool:
    """Whether a presented signature is the API's and has not expired."""
    if not is_key(key) or expires < datetime.now(UTC).timestamp():
        return False
    return hmac.compare_digest(signature(settings, method, key, expires, content_type, size), sig)


def expiry(at_least: datetime | None, settings: Settings) -> int:
    """A moment at least `MEDIA_URL_TTL_SECONDS` after `at_least` (or now), rounded up to the hour."""
    base = max(at_least or datetime.now(UTC), datetime.now(UTC)) + timedelta(seconds=settings.media_url_ttl_seconds)
    return math.ceil(base.timestamp() / _ROUND_SECONDS) * _ROUND_SECONDS


def media_url(settings: Settings, key: str, at_least: datetime | None = None) -> str:
    """The signed GET URL of a stored variant, valid at least until `at_least` (and `MEDIA_URL_TTL_SECONDS` more)."""
    expires = expiry(at_least, settings)
    query = urlencode({"expires": expires, "signature": signature(settings, "GET", key, expires)})
    return f"{settings.media_public_url.rstrip('/')}{MEDIA_PATH}{quote(key)}?{query}"


def upload_url(settings: Settings, key: str, content_type: str, size: int, expires_in: int) -> str:
    """The signed PUT URL of the local storage for one upload."""
    expires = int(datetime.now(UTC).timestamp()) + expires_in
    query = urlencode({"expires": expires, "signature": signature(settings, "PUT", key, expires, content_type, size)})
    return f"{settings.media_public_url.rstrip('/')}{MEDIA_PATH}{quote(key)}?{query}"
