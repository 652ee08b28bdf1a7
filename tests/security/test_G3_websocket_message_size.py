"""G3 over websockets: a graphql-transport-ws message is bounded by MAX_BODY_BYTES, as an HTTP body is (uvicorn
would otherwise take messages of up to 16 MiB). `main.py serve` runs as a real process, since the bound is
the server's, not the app's."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.security.r1_helpers import Proc, _start
from tests.subscriptions.live import PROTOCOL

LIMIT = 50_000


@pytest.fixture
async def small_bodies(database: str, tmp_path: Path) -> AsyncIterator[Proc]:
    proc = _start(tmp_path, "serve", max_body_bytes=str(LIMIT))
    try:
        async with httpx.AsyncClient(base_url=proc.base, timeout=5) as client:
            for _ in range(600):
                if proc.popen.poll() is not None:
                    raise AssertionError(f"serve exited with {proc.popen.returncode}; {proc.log()}")
                try:
                    if (await client.get("/health/ready")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"serve never became ready; {proc.log()}")
        yield proc
    finally:
        if proc.popen.poll() is None:
            proc.popen.kill()
            proc.popen.wait()


async def test_G3_a_websocket_message_over_the_body_limit_closes_the_socket(small_bodies: Proc) -> None:
    url = f"ws://127.0.0.1:{small_bodies.port}/graphql"
    async with connect(url, subprotocols=[PROTOCOL], open_timeout=10) as small:  # type: ignore[list-item]
        await small.send(json.dumps({"type": "connection_init", "payload": {"padding": "x" * 1000}}))
        assert json.loads(await asyncio.wait_for(small.recv(), 10))["type"] == "connection_ack"
    async with connect(url, subprotocols=[PROTOCOL], open_timeout=10) as large:  # type: ignore[list-item]
        await large.send(json.dumps({"type": "connection_init", "payload": {"padding": "x" * (LIMIT + 1)}}))
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(large.recv(), 10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
