"""The websocket protocol `main.py serve` gives uvicorn: uvicorn's `websockets-sansio`, with what an idle TV's
socket holds cut down, since one process holds a thousand of them (README, "Fan-out").

- permessage-deflate without context takeover, either way: stock uvicorn keeps a zlib compressor (about 38 KiB)
  and a decompressor (about 11 KiB) for each socket's whole life; without context takeover each message is
  compressed on its own and neither lives between messages. A client that offers no compression gets none.
- a message compressed once for every socket it goes to: without context takeover, the same text with the same
  window gives the same bytes, so the fan-out's one text per shape (subscriptions.fanout) is compressed once
  (`CompressedMessages`), not once per socket.
- lighter per-socket state: the handshake's request and response headers (already copied into the ASGI scope)
  are dropped once the socket is open, and the inbox and the write gate are a list and a flag instead of an
  `asyncio.Queue` and an `asyncio.Event` (four and one 760-byte deques, mostly empty).

Everything else is uvicorn's: the handshake, keep-alive pings, flow control, closing.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from uvicorn.server import ServerState
from websockets.extensions.base import Extension
from websockets.extensions.permessage_deflate import PerMessageDeflate, ServerPerMessageDeflateFactory
from websockets.frames import CTRL_OPCODES, Frame, Opcode
from websockets.http11 import Request
from websockets.server import ServerProtocol
from websockets.typing import ExtensionParameter

WINDOW_BITS = 12
"""The LZ77 window each way, as uvicorn negotiates it (a client may ask for less)."""
MEMORY_LEVEL = 5
"""zlib's `memLevel` for the compressor, as uvicorn's (websockets' default for servers)."""
COMPRESS_SETTINGS = {"memLevel": MEMORY_LEVEL}
_EMPTY_UNCOMPRESSED_BLOCK = b"\x00\x00\xff\xff"


class CompressedMessages:
    """Messages compressed lately, by (window bits, payload): a small LRU bounded in entries and in bytes. Only
    payloads of at least `min_size` bytes are kept (a short message compresses faster than it hashes)."""

    def __init__(self, entries: int = 32, max_bytes: int = 4 << 20, min_size: int = 512) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.min_size = min_size
        self._kept: OrderedDict[tuple[int, bytes], bytes] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    def compress(self, data: bytes, bits: int) -> bytes:
        """`data` as one permessage-deflate message without context takeover (RFC 7692 §7.2.1)."""
        if len(data) < self.min_size or len(data) > self.max_bytes // 4:
            return deflate_message(data, bits)
        key = (bits, data)
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
            self.hits += 1
            return found
        self.misses += 1
        compressed = deflate_message(data, bits)
        self._kept[key] = compressed
        self._bytes += len(data) + len(compressed)
        while len(self._kept) > self.entries or self._bytes > self.max_bytes:
            (_, old), old_compressed = self._kept.popitem(last=False)
            self._bytes -= len(old) + len(old_compressed)
        return compressed


def deflate_message(data: bytes, bits: int) -> bytes:
    """What websockets' `PerMessageDeflate.encode` sends for one unfragmented message with a fresh compressor."""
    encoder = zlib.compressobj(wbits=-bits, memLevel=MEMORY_LEVEL)
    compressed = encoder.compress(data) + encoder.flush(zlib.Z_SYNC_FLUSH)
    assert compressed.endswith(_EMPTY_UNCOMPRESSED_BLOCK)
    return compressed[:-4]


COMPRESSED = CompressedMessages()
"""This process's compressed messages, shared by its sockets."""


class SharedDeflate(PerMessageDeflate):
    """permessage-deflate whose whole messages are compressed through `COMPRESSED` when the server side has no
    context takeover (a fragmented message, or one with context takeover, takes websockets' own road)."""

    def encode(self, frame: Frame) -> Frame:
        if (
            frame.opcode in CTRL_OPCODES
            or frame.opcode is Opcode.CONT
            or not frame.fin
            or not self.local_no_context_takeover
            or not isinstance(frame.data, bytes)
        ):
            return super().encode(frame)
        data = COMPRESSED.compress(frame.data, self.local_max_window_bits)
        return Frame(frame.opcode, data, frame.fin, True, frame.rsv2, frame.rsv3)


class SharedDeflateFactory(ServerPerMessageDeflateFactory):
    """The server's permessage-deflate offer: no context takeover either way (the server requires it of the
    client too, RFC 7692 §7.1.1.2), 12-bit windows, and `SharedDeflate` for the negotiated extension."""

    def __init__(self) -> None:
        super().__init__(
            server_no_context_takeover=True,
            client_no_context_takeover=True,
            server_max_window_bits=WINDOW_BITS,
            client_max_window_bits=WINDOW_BITS,
            compress_settings=COMPRESS_SETTINGS,
        )

    def process_request_params(
        self, params: Sequence[ExtensionParameter], accepted_extensions: Sequence[Extension]
    ) -> tuple[list[ExtensionParameter], PerMessageDeflate]:
        response, negotiated = super().process_request_params(params, accepted_extensions)
        shared = SharedDeflate(
            negotiated.remote_no_context_takeover,
            negotiated.local_no_context_takeover,
            negotiated.remote_max_window_bits,
            negotiated.local_max_window_bits,
            negotiated.compress_settings,
        )
        return response, shared


DEFLATE = SharedDeflateFactory()
"""One factory for every socket (negotiating keeps no state in it)."""


class Inbox:
    """The ASGI receive queue of one socket: `asyncio.Queue`'s `put_nowait`, `get` and `empty`, on a list. An item
    leaves the list only when a `get` returns it, so a cancelled `get` loses nothing."""

    __slots__ = ("_items", "_waiters")

    def __init__(self) -> None:
        self._items: list[Any] = []
        self._waiters: list[asyncio.Future[None]] | None = None

    def empty(self) -> bool:
        return not self._items

    def qsize(self) -> int:
        return len(self._items)

    def put_nowait(self, item: Any) -> None:
        self._items.append(item)
        self._wake()

    async def get(self) -> Any:
        while not self._items:
            waiter = asyncio.get_running_loop().create_future()
            if self._waiters is None:
                self._waiters = []
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        item = self._items.pop(0)
        if self._items:
            self._wake()
        return item

    def _wake(self) -> None:
        for waiter in self._waiters or ():
            if not waiter.done():
                waiter.set_result(None)
                return


class Gate:
    """`asyncio.Event`'s `set`, `clear`, `is_set` and `wait` for the transport's flow control, with no deque while
    nobody waits (a socket's writes almost never do)."""

    __slots__ = ("_open", "_waiters")

    def __init__(self) -> None:
        self._open = True
        self._waiters: list[asyncio.Future[None]] | None = None

    def is_set(self) -> bool:
        return self._open

    def set(self) -> None:
        self._open = True
        waiters, self._waiters = self._waiters, None
        for waiter in waiters or ():
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._open = False

    async def wait(self) -> None:
        if self._open:
            return
        waiter = asyncio.get_running_loop().create_future()
        if self._waiters is None:
            self._waiters = []
        self._waiters.append(waiter)
        await waiter


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's sans-I/O websocket protocol with `SharedDeflate` and the lighter per-socket state above."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.queue = Inbox()  # type: ignore[assignment]
        self.writable = Gate()  # type: ignore[assignment]
        if self.config.ws_per_message_deflate:
            self.conn = ServerProtocol(
                extensions=[DEFLATE], max_size=self.config.ws_max_size, logger=logging.getLogger("uvicorn.error")
            )

    def handle_connect(self, event: Request) -> None:
        super().handle_connect(event)
        # The request lives as long as the socket (websockets' parser keeps it); its headers are in the scope now.
        event.headers.clear()

    async def send(self, message: Any) -> None:
        await super().send(message)
        if message["type"] == "websocket.accept" and self.handshake_complete:
            self.response.headers.clear()  # sent: the response is not read again
