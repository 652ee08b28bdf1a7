"""The ASGI application object: Starlette, with the GraphQL websocket handed to a short chain of its own.

A websocket holds every coroutine between uvicorn and the endpoint for as long as it is open: through the whole
middleware stack and the router, a dozen suspended frames and closures, about 4 KiB per idle TV. Of that stack
only the request-context middleware (request id, access log, metrics) acts on a websocket; the error page, the
body limit and CORS pass websockets through untouched, and the router only finds the endpoint. So a websocket to
one of `socket_paths` goes to `sockets` (the request-context middleware around the view) directly.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from config import Settings
from services.infra.http import RequestContextMiddleware
from services.infra.storage.routes import MEDIA_PATH


class App(Starlette):
    """Starlette, but a websocket to one of `socket_paths` is served by `sockets` without the middleware stack and
    the router. Anything else (other paths, a root path in front) takes Starlette's road, which routes the same
    websocket to the same view."""

    def __init__(self, *, sockets: ASGIApp, socket_paths: Collection[str], **options: Any) -> None:
        super().__init__(**options)
        self.sockets = sockets
        self.socket_paths = frozenset(socket_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] in self.socket_paths:
            scope["app"] = self
            await self.sockets(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def request_context(settings: Settings) -> dict[str, Any]:
    """`RequestContextMiddleware`'s options: the body limit, and the media uploads' own."""
    return {"max_body_bytes": settings.max_body_bytes, "path_limits": {MEDIA_PATH: settings.media_max_upload_bytes}}


def http_middleware(settings: Settings) -> list[Middleware]:
    """The middleware stack, outermost first: the request's context (id, access log, body limit, security
    headers), then CORS."""
    return [
        Middleware(RequestContextMiddleware, **request_context(settings)),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["GET", "POST", "PUT", "OPTIONS"],
            allow_headers=["authorization", "content-type", "x-tenant-id", "x-request-id", "idempotency-key"],
            expose_headers=["x-request-id", "retry-after"],
            max_age=600,
        ),
    ]
