"""HTTP middleware: request id, access log, body limit, security headers, and metrics.

Pure ASGI (no BaseHTTPMiddleware) so websockets and streaming pass through untouched.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

import structlog
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.infra.metrics import counter, histogram

log = logging.getLogger("shulgraph.access")

REQUESTS = counter("shulgraph_http_requests_total", "HTTP requests", ["method", "path", "status"])
LATENCY = histogram("shulgraph_http_request_seconds", "HTTP request latency", ["method", "path"])
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


CLIENT_CLOSED_REQUEST = 499
"""The status logged for a client that went away before it was answered (nginx's convention)."""


class RequestContextMiddleware:
    """Gives each request an `X-Request-ID`, logs it with its outcome, adds security headers, and turns a body
    that grows past the limit mid-stream into a 413 (one middleware for all of it: each layer costs every
    request)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, path_limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.path_limits = path_limits or {}
        """Paths (by prefix) with a body limit of their own: the local media storage's uploads."""

    def _limit_for(self, scope: Scope) -> int:
        path = str(scope.get("path", ""))
        limits = (limit for prefix, limit in self.path_limits.items() if path.startswith(prefix))
        return next(limits, self.max_body_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _SANE_ID.match(incoming) else uuid.uuid4().hex
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = request_id
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 0

        if scope["type"] == "http":
            declared = _header(scope, b"content-length")
            limit = self._limit_for(scope)
            if declared and declared.isascii() and declared.isdigit() and int(declared) > limit:
                await _reject(send, scope, 413, TOO_LARGE, request_id)
                self._log(scope, 413, started, state)
                return
            receive = self._limited(receive, limit)

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                headers.extend(SECURITY_HEADERS)
                message["headers"] = headers
            elif message["type"] == "websocket.accept":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message["headers"] = headers
                status = 101
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except BodyTooLarge:  # the streamed body passed the limit: a 413, unless the answer had begun
            if not status:
                await _reject(send_with_headers, scope, 413, TOO_LARGE, None)
        except ClientDisconnect:
            status = status or CLIENT_CLOSED_REQUEST  # nobody is left to answer; not a server fault
        finally:
            self._log(scope, status or 500, started, state)
            structlog.contextvars.unbind_contextvars("request_id")

    def _limited(self, receive: Receive, limit: int) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        return wrapped

    def _log(self, scope: Scope, status: int, started: float, state: dict[str, Any]) -> None:
        duration = time.perf_counter() - started
        path = scope.get("path", "")
        method = scope.get("method", "WS")
        route = path if path in ("/graphql", "/health/live", "/health/ready", "/metrics") else "other"
        REQUESTS.labels(method, route, str(status)).inc()
        LATENCY.labels(method, route).observe(duration)
        if route in ("/health/live", "/metrics"):
            return
        log.info(
            "request",
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": round(duration * 1000, 2),
                "principal": state.get("principal", "anonymous"),
                "tenant": state.get("tenant"),
                "operation": state.get("operation"),
            },
        )


class BodyTooLarge(Exception):
    """The streamed body passed the limit."""


TOO_LARGE = "request body too large"


async def _reject(send: Send, scope: Scope, status: int, message: str, request_id: str | None) -> None:
    """A GraphQL-shaped request error (no `data`), in the media type the client accepts."""
    media = response_media_type(_header(scope, b"accept")) or "application/json"
    error = {"message": message, "extensions": {"code": "PAYLOAD_TOO_LARGE" if status == 413 else "BAD_REQUEST"}}
    body = json.dumps({"errors": [error]}).encode()
    headers = [
        (b"content-type", f"{media}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    if request_id is not None:
        headers.append((b"x-request-id", request_id.encode()))
        headers.extend(SECURITY_HEADERS)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
_ACCEPTABLE = ("application/json", GRAPHQL_RESPONSE_JSON, "application/*", "*/*")


def _accept_items(accept: str) -> dict[str, float]:
    items: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        items[media.lower()] = max(quality, items.get(media.lower(), 0.0))
    return items


def response_media_type(accept: str | None) -> str | None:
    """The GraphQL response media type for an `Accept` header (GraphQL over HTTP), or None: not acceptable.

    `application/graphql-response+json` when the client asks for it at least as strongly as
    `application/json`; `application/json` when there is no header or the client accepts it.
    """
    if not accept or not accept.strip():
        return "application/json"
    items = _accept_items(accept)
    modern = items.get(GRAPHQL_RESPONSE_JSON, 0.0)
    legacy = max(items.get("application/json", 0.0), items.get("application/*", 0.0), items.get("*/*", 0.0))
    if modern > 0 and modern >= items.get("application/json", 0.0):
        return GRAPHQL_RESPONSE_JSON
    if legacy > 0:
        return "application/json"
    return None
