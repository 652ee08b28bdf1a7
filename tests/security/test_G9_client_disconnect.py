"""G9 (security matrix): a client that goes away before its body is read is the client's doing, not a server
fault: the request is logged at INFO with status 499 (nginx's "client closed request"), with no traceback, no
ERROR line and no exception left for the server to report as a 500."""

from __future__ import annotations

import logging
from typing import Any

import pytest


async def test_G9_a_client_gone_before_its_body_is_read_is_logged_as_499_at_info(
    app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"40"), (b"host", b"testserver")],
        "client": ("127.0.0.1", 50001),
        "server": ("testserver", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    with caplog.at_level(logging.INFO):
        await app(scope, receive, send)  # raises nothing: there is nobody to answer
    requests = [r for r in caplog.records if r.getMessage() == "request" and getattr(r, "path", "") == "/graphql"]
    assert [getattr(r, "status", None) for r in requests] == [499]
    assert all(r.levelno == logging.INFO for r in requests)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [m for m in sent if m["type"] == "http.response.start" and m["status"] >= 500]
