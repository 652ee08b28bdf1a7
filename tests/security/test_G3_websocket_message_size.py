"""G3 over websockets: a graphql-transport-ws message is bounded by MAX_BODY_BYTES, as an HTTP body is (uvicorn
would otherwise take messages of up to 16 MiB). `main.py serve` runs as a real process, since the bound is
the server's, not the app's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed

from tests.support.processes import MainProcess, serving
from tests.support.websocket import WSClient

LIMIT = 50_000


@pytest.fixture
async def small_bodies(database: str, tmp_path: Path) -> AsyncIterator[MainProcess]:
    async with serving(tmp_path, max_body_bytes=str(LIMIT)) as process:
        yield process


async def test_G3_a_websocket_message_over_the_body_limit_closes_the_socket(small_bodies: MainProcess) -> None:
    url = f"ws://127.0.0.1:{small_bodies.port}/graphql"
    small = await WSClient.open(url)
    try:
        assert (await small.init({"padding": "x" * 1000}))["type"] == "connection_ack"
    finally:
        await small.close()
    large = await WSClient.open(url)
    try:
        await large.send({"type": "connection_init", "payload": {"padding": "x" * (LIMIT + 1)}})
        with pytest.raises(ConnectionClosed) as closed:
            await large.receive(timeout=10)
    finally:
        await large.close()
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
