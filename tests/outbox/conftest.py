"""The outbox tests' websocket server (the same kind tests/subscriptions use): a job's progress is followed live."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.live import Server, run_server


@pytest.fixture(scope="session")
async def live_server(database: str) -> AsyncIterator[Server]:
    async with run_server() as server:
        yield server
