"""The suite's one graphql-transport-ws client, as a TV app or the admin app speaks the protocol.

It runs over either road to the app:
- a real socket to a server listening on a port (`WSClient.open(url)`, with the `websockets` package), for the
  servers of tests/support/live.py;
- the ASGI interface of the app in this process (`WSClient.in_process(app)`), so that a test can hold the app's
  own state (a tenant's slots, its budgets) while the socket talks to it.

On both roads the server closing the socket raises `websockets.exceptions.ConnectionClosed` with its code.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.frames import Close
from websockets.typing import Origin, Subprotocol

from tests.support.actors import Actor
from tests.support.graphql import app_of

PROTOCOL = "graphql-transport-ws"
ORIGIN = "https://admin.example.org"
"""An origin of the test settings' CORS allowlist: what the admin app's browser sends."""


class Connection(Protocol):
    """A websocket as the client needs it: text frames out and in, and a close."""

    async def send(self, message: str) -> None: ...

    async def recv(self) -> str | bytes: ...

    async def close(self) -> None: ...


class AsgiConnection:
    """A websocket to the app's ASGI interface in this process (no port, no server)."""

    def __init__(self, app: Any, client: tuple[str, int] = ("127.0.0.1", 50003)) -> None:
        self.incoming: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.outgoing: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "scheme": "ws",
            "path": "/graphql",
            "raw_path": b"/graphql",
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"testserver"), (b"sec-websocket-protocol", PROTOCOL.encode())],
            "subprotocols": [PROTOCOL],
            "client": client,
            "server": ("testserver", 80),
        }
        self.task = asyncio.create_task(app(scope, self.incoming.get, self.outgoing.put))

    async def accept(self) -> None:
        await self.incoming.put({"type": "websocket.connect"})
        accepted = await asyncio.wait_for(self.outgoing.get(), 10)
        assert accepted["type"] == "websocket.accept", accepted

    async def send(self, message: str) -> None:
        await self.incoming.put({"type": "websocket.receive", "text": message})

    async def recv(self) -> str:
        event = await self.outgoing.get()
        if event["type"] == "websocket.close":
            raise ConnectionClosed(Close(event.get("code", 1000), event.get("reason") or ""), None)
        assert event["type"] == "websocket.send", event
        text: str = event["text"]
        return text

    async def disconnect(self) -> None:
        """The client goes away; the app's handling of it (`task`) ends when the app is done with it."""
        await self.incoming.put({"type": "websocket.disconnect", "code": 1000})

    async def close(self) -> None:
        await self.disconnect()
        await asyncio.wait_for(self.task, 10)


class WSClient:
    """One graphql-transport-ws connection."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.buffer: list[dict[str, Any]] = []

    @classmethod
    async def open(cls, url: str, origin: str | None = None) -> WSClient:
        """A socket to a listening server (`ws://host:port/graphql`), before `connection_init`."""
        connection = await connect(
            url, subprotocols=[Subprotocol(PROTOCOL)], origin=Origin(origin) if origin else None, open_timeout=10
        )
        return cls(connection)

    @classmethod
    async def in_process(cls, app: Any) -> WSClient:
        """A socket to the app's ASGI interface in this process, accepted, before `connection_init`."""
        connection = AsgiConnection(app)
        await connection.accept()
        return cls(connection)

    @classmethod
    async def signed_in(cls, url: str, authorization: str, origin: str | None = ORIGIN) -> WSClient:
        """A socket to a listening server, initialised with `authorization`, after its ack."""
        client = await cls.open(url, origin=origin)
        ack = await client.init({"authorization": authorization})
        assert ack["type"] == "connection_ack", ack
        return client

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def receive(self, timeout: float = 15) -> dict[str, Any]:
        """The next message of any operation; pings are answered on the way."""
        while True:
            raw = await asyncio.wait_for(self.connection.recv(), timeout)
            message: dict[str, Any] = json.loads(raw)
            if message.get("type") == "ping":
                await self.send({"type": "pong"})
                continue
            return message

    async def subscribe(self, op_id: str, query: str, variables: dict[str, Any] | None = None) -> None:
        await self.send({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": variables or {}}})

    async def next(self, op_id: str, timeout: float = 15) -> dict[str, Any]:
        """The next message of one operation (other operations' messages are kept for later)."""
        for index, message in enumerate(self.buffer):
            if message.get("id") == op_id:
                return self.buffer.pop(index)
        while True:
            message = await self.receive(timeout)
            if message.get("id") == op_id:
                return message
            self.buffer.append(message)

    async def next_data(self, op_id: str, timeout: float = 15) -> dict[str, Any]:
        """The data of the operation's next message, which must be a `next` without errors."""
        return data(await self.next(op_id, timeout))

    async def still_open(self) -> bool:
        """The server answers a ping with a pong, as its next message."""
        await self.send({"type": "ping"})
        reply = json.loads(await asyncio.wait_for(self.connection.recv(), 10))
        return bool(reply.get("type") == "pong")

    async def close_code(self, timeout: float = 15) -> int | None:
        """Wait until the server closes the socket; its close code."""
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), timeout)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None

    async def close(self) -> None:
        await self.connection.close()


def data(message: dict[str, Any]) -> dict[str, Any]:
    """The data of a `next` message without errors."""
    assert message["type"] == "next", message
    assert not message["payload"].get("errors"), message
    result: dict[str, Any] = message["payload"]["data"]
    return result


@asynccontextmanager
async def socket_of(client: httpx.AsyncClient, actor: Actor) -> AsyncIterator[WSClient]:
    """A socket of `actor` in its tenant, to the app behind an in-process client (the `http` fixture's, or a
    variant's), initialised and acknowledged; closed after the block."""
    headers = actor.headers()
    app = app_of(client)
    socket = await WSClient.in_process(app)
    ack = await socket.init({"authorization": headers["Authorization"], "tenantId": headers["X-Tenant-ID"]})
    assert ack["type"] == "connection_ack", ack
    try:
        yield socket
    finally:
        await socket.close()
