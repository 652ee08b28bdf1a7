"""Test helpers of the identity domain: a browser with its own cookie jar, sign-in shortcuts, a live
server for websocket tests, and hand-made tokens."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt
import uvicorn

from config import Settings
from tests.conftest import DEFAULT_PASSWORD, unique
from tests.documents import client_document

ORIGIN = "https://admin.example.org"


class Browser:
    """One browser: its own cookie jar (the refresh cookie lives there), talking to the app over ASGI."""

    def __init__(self, app: Any, settings: Settings, user_agent: str = "pytest-browser",
                 address: str = "127.0.0.1") -> None:
        transport = httpx.ASGITransport(app=app, client=(address, 50001))
        self.client = httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers={"user-agent": user_agent}
        )
        self.settings = settings
        self.last_response: httpx.Response | None = None

    async def __aenter__(self) -> Browser:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def post(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                   headers: dict[str, str] | None = None, operation_name: str | None = None) -> dict[str, Any]:
        all_headers = {"Authorization": f"Bearer {token}"} if token else {}
        all_headers.update(headers or {})
        body: dict[str, Any] = {"query": query, "variables": variables or {}}
        if operation_name:
            body["operationName"] = operation_name
        response = await self.client.post("/graphql", json=body, headers=all_headers)
        self.last_response = response
        result: dict[str, Any] = response.json()
        return result

    async def op(self, name: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        return await self.post(client_document(name), variables, operation_name=name, **kwargs)

    @property
    def refresh_token(self) -> str | None:
        return self.client.cookies.get(self.settings.refresh_cookie_name)

    def set_refresh_token(self, value: str) -> None:
        self.client.cookies.clear()
        self.client.cookies.set(self.settings.refresh_cookie_name, value, domain="testserver.local", path="/graphql")

    def set_cookie_headers(self) -> list[str]:
        assert self.last_response is not None
        return self.last_response.headers.get_list("set-cookie")

    async def login(self, email: str, password: str = DEFAULT_PASSWORD) -> str:
        result = await self.op("Login", {"input": {"email": email, "password": password}})
        payload = result["data"]["login"]
        assert payload["userErrors"] == [], result
        token: str = payload["accessToken"]
        return token

    async def refresh(self) -> dict[str, Any]:
        return await self.op("RefreshSession")


_addresses = itertools.count(1)


def fresh_address() -> str:
    """A client address of its own, so per-address sign-in limits do not couple tests."""
    n = next(_addresses)
    return f"10.77.{(n >> 8) & 255}.{n & 255}"


def login_input(email: str, password: str = DEFAULT_PASSWORD) -> dict[str, Any]:
    return {"input": {"email": email, "password": password}}


def new_email() -> str:
    return f"{unique('person')}@example.org"


def signed_token(settings: Settings, user_id: int, *, key: str | None = None, algorithm: str = "HS256",
                 headers: dict[str, Any] | None = None, **overrides: Any) -> str:
    """An access-token-shaped JWT with chosen claims (a claim set to None is left out)."""
    now = int(datetime.now(UTC).timestamp())
    claims: dict[str, Any] = {
        "sub": str(user_id), "typ": "access", "iss": settings.jwt_issuer, "aud": settings.jwt_audience,
        "iat": now, "nbf": now, "exp": now + 600, "jti": unique("jti"),
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, key or settings.jwt_key(), algorithm=algorithm,
                      headers={"typ": "at+jwt", **(headers or {})})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.asynccontextmanager
async def live_server(app: Any) -> AsyncIterator[str]:
    """Serve the already started app on a free loopback port (same event loop); yields ws://host:port."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_config=None, ws="websockets-sansio")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"ws://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def open_socket(base: str, authorization: str) -> Any:
    """A graphql-transport-ws connection, initialised with `authorization`, after its ack."""
    from websockets.asyncio.client import connect

    websocket = await connect(f"{base}/graphql", subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                              origin=ORIGIN)  # type: ignore[arg-type]
    await websocket.send(json.dumps({"type": "connection_init", "payload": {"authorization": authorization}}))
    ack = json.loads(await asyncio.wait_for(websocket.recv(), 10))
    assert ack["type"] == "connection_ack", ack
    return websocket
