"""A TV watching its screen (`screenUpdated`) over a real websocket: the first, full state, and the states
that follow until one shows what a test waits for."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from tests.support.devices import TV
from tests.support.documents import client_document
from tests.support.live import Server
from tests.support.websocket import WSClient

SCREEN_UPDATED = client_document("ScreenUpdated")


async def watch(server: Server, tv: TV, document: str = SCREEN_UPDATED) -> tuple[WSClient, dict[str, Any]]:
    """A TV's socket subscribed to its screen ("screen", with `document`), and the first state it received."""
    client = await WSClient.open(server.ws_url)
    ack = await client.init(tv.init_payload)
    assert ack["type"] == "connection_ack", ack
    await client.subscribe("screen", document)
    first = await client.next_data("screen")
    return client, first["screenUpdated"]


async def screen_until(client: WSClient, check: Callable[[dict[str, Any]], Any], timeout: float = 20) -> dict[str, Any]:
    """States of the screen stream until one passes `check`."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        left = deadline - asyncio.get_running_loop().time()
        state: dict[str, Any] = (await client.next_data("screen", timeout=max(left, 0.1)))["screenUpdated"]
        if check(state):
            return state
