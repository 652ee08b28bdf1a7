"""The websocket protocol `main.py serve` gives uvicorn (services/infra/ws_server.py) and the GraphQL socket's short
road through the app (services/infra/app.py), served in this process so the test can read the process's
compression counters.

- A client that offers permessage-deflate (websockets' client does, as Chromium does: tests/screen) gets it without
  context takeover either way; a client that offers none gets plain frames; both get their screen.
- A message sent to many sockets is compressed once, and the bytes are websockets' own.
- The socket still passes the request-context middleware (request id, access log); other paths take Starlette's.
- The inbox and the write gate that replace asyncio's queue and event keep their semantics.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus
from websockets.extensions.permessage_deflate import PerMessageDeflate
from websockets.frames import Frame, Opcode
from websockets.typing import Subprotocol

from models.identity import Role
from services.infra.ws_server import COMPRESSED, Gate, Inbox, SharedDeflate
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL
from tests.support.live import serve_in_process
from tests.support.screens import SCREEN_UPDATED
from tests.support.websocket import PROTOCOL

NEGOTIATED = (
    "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=12; "
    "client_max_window_bits=12"
)


@asynccontextmanager
async def screen(base: str, tv: TV, compression: str | None = "deflate") -> AsyncIterator[ClientConnection]:
    """A TV's socket to the server at `base`, its screen subscribed ("screen") and its first state read."""
    async with connect(f"{base}/graphql", subprotocols=[Subprotocol(PROTOCOL)], compression=compression) as socket:
        await socket.send(json.dumps({"type": "connection_init", "payload": tv.init_payload}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(json.dumps({"id": "screen", "type": "subscribe", "payload": {"query": SCREEN_UPDATED}}))
        first = json.loads(await socket.recv())
        assert first["type"] == "next" and first["payload"]["data"]["screenUpdated"]["version"], first
        yield socket


async def titles(socket: ClientConnection) -> list[str]:
    """The message titles of the screen's next state."""
    message = json.loads(await asyncio.wait_for(socket.recv(), 15))
    assert message["type"] == "next", message
    return [m["title"] for m in message["payload"]["data"]["screenUpdated"]["messages"]]


async def test_a_client_offering_compression_gets_it_without_context_takeover_either_way(
    app: Any, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    async with serve_in_process(app) as base, screen(base, tv) as socket:
        assert socket.response is not None
        assert socket.response.headers["Sec-WebSocket-Extensions"] == NEGOTIATED
        [deflate] = socket.protocol.extensions
        assert isinstance(deflate, PerMessageDeflate)
        assert deflate.local_no_context_takeover and deflate.remote_no_context_takeover
        await create_message(gql, admin, "Compressed on the way")
        assert await titles(socket) == ["Compressed on the way"]


async def test_a_client_offering_no_compression_gets_plain_frames(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    async with serve_in_process(app) as base, screen(base, tv, compression=None) as socket:
        assert socket.response is not None and "Sec-WebSocket-Extensions" not in socket.response.headers
        assert socket.protocol.extensions == []
        await create_message(gql, admin, "Sent as it is")
        assert await titles(socket) == ["Sent as it is"]


async def test_a_change_sent_to_many_screens_is_compressed_once(app: Any, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tvs = [await make_tv(admin.tenant, name=f"TV {n}") for n in range(3)]
    async with (
        serve_in_process(app) as base,
        screen(base, tvs[0]) as one,
        screen(base, tvs[1]) as two,
        screen(base, tvs[2]) as three,
    ):
        hits, misses = COMPRESSED.hits, COMPRESSED.misses
        await create_message(gql, admin, "The same bytes for every screen")
        for socket in (one, two, three):
            assert await titles(socket) == ["The same bytes for every screen"]
        assert (COMPRESSED.misses - misses, COMPRESSED.hits - hits) == (1, 2)


def deflate(compress_bits: int = 12) -> tuple[PerMessageDeflate, SharedDeflate, PerMessageDeflate]:
    """websockets' own server side, ours, and a client that reads them (no context takeover on the server)."""
    settings = {"memLevel": 5}
    stock = PerMessageDeflate(True, True, 12, compress_bits, settings)
    shared = SharedDeflate(True, True, 12, compress_bits, settings)
    client = PerMessageDeflate(True, True, compress_bits, 12, settings)
    return stock, shared, client


def test_a_message_compressed_once_is_what_websockets_sends_and_reads_back() -> None:
    data = json.dumps({"screenUpdated": {"messages": [{"title": f"שבת שלום {n}"} for n in range(200)]}}).encode()
    data += os.urandom(64).hex().encode()  # a payload no earlier test compressed
    for bits in (12, 10):
        stock, shared, client = deflate(bits)
        hits, misses = COMPRESSED.hits, COMPRESSED.misses
        expected = stock.encode(Frame(Opcode.TEXT, data))
        first, second = (SharedDeflate(*vars_of(shared)).encode(Frame(Opcode.TEXT, data)) for _ in range(2))
        assert bytes(first.data) == bytes(second.data) == bytes(expected.data) and first.rsv1
        assert (COMPRESSED.misses - misses, COMPRESSED.hits - hits) == (1, 1)
        assert client.decode(first).data == data


def vars_of(extension: PerMessageDeflate) -> tuple[Any, ...]:
    return (
        extension.remote_no_context_takeover,
        extension.local_no_context_takeover,
        extension.remote_max_window_bits,
        extension.local_max_window_bits,
        extension.compress_settings,
    )


def test_short_and_fragmented_messages_take_websockets_road() -> None:
    _, shared, client = deflate()
    hits, misses = COMPRESSED.hits, COMPRESSED.misses
    short = shared.encode(Frame(Opcode.TEXT, b'{"type":"pong"}'))
    assert client.decode(short).data == b'{"type":"pong"}'
    parts = [b"x" * 4000, b"y" * 4000]
    head = shared.encode(Frame(Opcode.TEXT, parts[0], fin=False))
    tail = shared.encode(Frame(Opcode.CONT, parts[1]))
    assert bytes(client.decode(head).data) + bytes(client.decode(tail).data) == b"".join(parts)
    assert (COMPRESSED.hits, COMPRESSED.misses) == (hits, misses)
    assert zlib.decompressobj(-12).decompress(bytes(short.data) + b"\x00\x00\xff\xff") == b'{"type":"pong"}'


async def test_the_graphql_socket_keeps_its_request_id_and_access_log(
    app: Any, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    tv = await make_tv(await factory.tenant())
    with caplog.at_level(logging.INFO):
        async with serve_in_process(app) as base:
            async with screen(base, tv) as socket:
                assert socket.response is not None
                request_id = socket.response.headers["x-request-id"]
            with pytest.raises(InvalidStatus) as refused:  # a websocket elsewhere takes Starlette's road
                async with connect(f"{base}/nowhere", subprotocols=[Subprotocol(PROTOCOL)]):
                    pass
            assert refused.value.response.status_code == 403

            async def logged() -> list[logging.LogRecord]:
                return [r for r in caplog.records if r.getMessage() == "request" and getattr(r, "status", 0) == 101]

            for _ in range(100):
                if await logged():
                    break
                await asyncio.sleep(0.05)
    [record] = await logged()
    assert (getattr(record, "method", ""), getattr(record, "path", "")) == ("WS", "/graphql")
    assert len(request_id) == 32


async def test_the_inbox_and_the_gate_keep_asyncio_semantics() -> None:
    inbox = Inbox()
    waiting = asyncio.create_task(inbox.get())
    await asyncio.sleep(0)
    inbox.put_nowait("first")
    inbox.put_nowait("second")
    assert await waiting == "first" and inbox.qsize() == 1 and not inbox.empty()
    assert await inbox.get() == "second" and inbox.empty()
    cancelled = asyncio.create_task(inbox.get())
    await asyncio.sleep(0)
    inbox.put_nowait("kept")
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    assert await asyncio.wait_for(inbox.get(), 1) == "kept"  # a cancelled get loses nothing

    gate = Gate()
    await asyncio.wait_for(gate.wait(), 1)  # open: no wait
    gate.clear()
    blocked = asyncio.create_task(gate.wait())
    await asyncio.sleep(0.01)
    assert not blocked.done() and not gate.is_set()
    gate.set()
    await asyncio.wait_for(blocked, 1)
    assert gate.is_set()
