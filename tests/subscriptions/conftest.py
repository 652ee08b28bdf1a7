"""A real uvicorn server on the test database and Redis, shared by the websocket tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.live import Server, run_server


@pytest.fixture(scope="session")
async def live_server(database: str) -> AsyncIterator[Server]:
    async with run_server(ws_init_timeout_seconds="1") as server:
        yield server
