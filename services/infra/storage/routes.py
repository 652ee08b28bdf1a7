"""The API's media endpoint, `/media/<key>`: a GET (or HEAD) of a stored variant by a signed, expiring URL, answered
from the local storage or by a redirect to a presigned GET of the bucket; and, for the local storage only, the PUT
of an upload by the signed URL `createUpload` handed out (the signature binds its content type and size). Anything
unsigned, expired or altered is 403 and names nothing."""

from __future__ import annotations

import asyncio
import mimetypes
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response

from config import Settings
from services.infra.ids import parse_int
from services.infra.storage import storage_for
from services.infra.storage.local import LocalStorage, write_file
from services.infra.storage.signing import MEDIA_PATH, valid

PRESIGNED_GET_SECONDS = 300
"""How long the redirect to the bucket works: the browser follows it at once."""


def _refused() -> Response:
    return PlainTextResponse("forbidden", status_code=403, headers={"cache-control": "no-store"})


def _signed(request: Request) -> tuple[str, int, str] | None:
    key = request.path_params.get("key", "")
    expires = parse_int(request.query_params.get("expires", ""), minimum=0)
    signature = request.query_params.get("signature", "")
    if expires is None or not signature:
        return None
    return key, expires, signature


async def media(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    signed = _signed(request)
    if signed is None:
        return _refused()
    if request.method == "PUT":
        return await _upload(request, settings, *signed)
    if request.method not in ("GET", "HEAD"):
        return PlainTextResponse("method not allowed", status_code=405, headers={"allow": "GET, HEAD, PUT"})
    key, expires, signature = signed
    if not valid(settings, "GET", key, expires, signature):
        return _refused()
    storage = storage_for(settings)
    max_age = max(0, expires - int(datetime.now(UTC).timestamp()))
    if isinstance(storage, LocalStorage):
        path = storage.path(key)
        if not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return FileResponse(path, media_type=media_type, headers={"cache-control": f"private, max-age={max_age}"})
    target = await storage.download_url(key, PRESIGNED_GET_SECONDS)
    if target is None:
        return PlainTextResponse("not found", status_code=404)
    return RedirectResponse(target, status_code=307, headers={"cache-control": "no-store"})


async def _upload(request: Request, settings: Settings, key: str, expires: int, signature: str) -> Response:
    storage = storage_for(settings)
    content_type = request.headers.get("content-type", "")
    size = parse_int(request.headers.get("content-length", ""), minimum=0)
    if not isinstance(storage, LocalStorage) or size is None:
        return _refused()
    if not valid(settings, "PUT", key, expires, signature, content_type, size):
        return _refused()
    chunks: list[bytes] = []
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > size:
            return PlainTextResponse("body longer than signed", status_code=400)
        chunks.append(chunk)
    if received != size:
        return PlainTextResponse("body shorter than signed", status_code=400)
    await asyncio.to_thread(write_file, storage.path(key), chunks)
    return Response(status_code=200, headers={"cache-control": "no-store"})


__all__ = ["MEDIA_PATH", "media"]
