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
from starlette.types import ASGIApp, Receive, Scope, Send


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
