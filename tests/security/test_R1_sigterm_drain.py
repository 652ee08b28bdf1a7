"""Security matrix row R1: SIGTERM under load.

`main.py serve` runs as a real process on the test PostgreSQL and Redis. Slow requests are real: the test
holds the row lock of a synagogue, so `updateSynagogue` (which locks that row) waits inside PostgreSQL
until the test lets go. A TV holds a live subscription; other clients keep the API busy. After SIGTERM
readiness fails first while everything else is still served, then the process stops accepting, closes the
websocket with 1012, lets the slow requests finish once the lock goes, and exits 0.

`main.py worker` gets the same treatment in test_R1_sigterm_worker.py.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import uvicorn

from config import Settings
from models.identity import Role
from services.infra import lifecycle
from services.infra.lifecycle import drain_seconds
from tests.support.actors import Actor, Factory, unique
from tests.support.database import OWNER_URL
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.processes import DEADLINE, MainProcess, blocked_on_locks, serving
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient

SLOW_REQUESTS = 6
LOAD_CLIENTS = 8


@pytest.fixture
async def api(database: str, tmp_path: Path) -> AsyncIterator[MainProcess]:
    settings = {"shutdown_drain_seconds": "8", "shutdown_grace_seconds": "90", "db_statement_timeout_ms": "300000"}
    async with serving(tmp_path, db_pool_max="40", **settings) as process:
        yield process


def _fresh_connections(base: str) -> httpx.AsyncClient:
    """One connection per request: a refused connection then means the process stopped accepting."""
    return httpx.AsyncClient(base_url=base, timeout=DEADLINE, limits=httpx.Limits(max_keepalive_connections=0))


async def _post(
    http: httpx.AsyncClient, actor: Actor, name: str, variables: dict[str, Any] | None = None
) -> httpx.Response:
    body = {"query": client_document(name), "operationName": name, "variables": variables or {}}
    return await http.post("/graphql", json=body, headers=actor.headers())


@dataclass
class Load:
    """Clients that keep sending `Me` until the process refuses connections."""

    http: httpx.AsyncClient
    actor: Actor
    signalled: bool = False
    before: list[int | str] = field(default_factory=list)  # sent before SIGTERM: status, or the transport error
    after: list[int | str] = field(default_factory=list)

    async def client(self) -> None:
        while True:
            sent_after_signal = self.signalled
            outcomes = self.after if sent_after_signal else self.before
            try:
                response = await _post(self.http, self.actor, "Me")
            except httpx.TransportError as error:
                outcomes.append(type(error).__name__)
                if sent_after_signal:
                    return
                continue
            outcomes.append(response.status_code)
            if response.status_code == 200:
                assert response.json()["data"]["me"]["id"], response.text


async def test_R1_sigterm_under_load_drains_then_finishes_in_flight_requests(
    api: MainProcess, factory: Factory
) -> None:
    slow_owner = await factory.member(role=Role.OWNER)
    busy = await factory.member(role=Role.VIEWER)
    tv = await make_tv(busy.tenant)

    screen = await WSClient.open(api.base.replace("http", "ws") + "/graphql")
    assert (await screen.init(tv.init_payload))["type"] == "connection_ack"
    await screen.subscribe("screen", client_document("ScreenUpdated"))
    assert (await screen.next_data("screen"))["screenUpdated"]["synagogueName"] == busy.tenant.name

    async with _fresh_connections(api.base) as http:
        owner = await asyncpg.connect(OWNER_URL)
        locker = await asyncpg.connect(OWNER_URL)
        lock = locker.transaction()
        await lock.start()
        try:
            await locker.execute("SELECT 1 FROM synagogue WHERE id = $1 FOR UPDATE", slow_owner.tenant.id)
            names = [unique("Drained") for _ in range(SLOW_REQUESTS)]
            slow = [
                asyncio.create_task(_post(http, slow_owner, "UpdateSynagogue", {"input": {"name": name}}))
                for name in names
            ]

            async def slow_requests_wait() -> bool:
                return await blocked_on_locks(owner, "synagogue") >= SLOW_REQUESTS

            await wait_until(slow_requests_wait, "slow requests wait", timeout=DEADLINE)

            load = Load(http, busy)
            clients = [asyncio.create_task(load.client()) for _ in range(LOAD_CLIENTS)]
            await wait_until(lambda: len(load.before) >= 4 * LOAD_CLIENTS, "load is served", timeout=DEADLINE)
            ready = await http.get("/health/ready")
            assert ready.status_code == 200, ready.text

            load.signalled = True
            api.popen.send_signal(signal.SIGTERM)

            readiness: list[int | str] = []
            served_while_draining: list[tuple[int, str | None]] = []
            while True:
                try:
                    response = await http.get("/health/ready")
                    readiness.append(response.status_code)
                    if response.status_code == 503 and not served_while_draining:
                        assert response.json()["reason"] == "draining", response.text
                        assert response.json()["checks"]["process"] == "draining", response.text
                        for served in (await http.get("/health/live"), await _post(http, busy, "Me")):
                            served_while_draining.append((served.status_code, served.headers.get("connection")))
                except httpx.TransportError:  # refused, or closed unanswered as the listener shut
                    readiness.append("closed")
                    break
                await asyncio.sleep(0.05)
            assert 503 in readiness, readiness
            assert readiness.index(503) < readiness.index("closed"), readiness
            assert set(readiness[readiness.index(503) :]) == {503, "closed"}, readiness
            assert served_while_draining == [(200, "close"), (200, "close")]  # keep-alive clients move on

            assert await screen.close_code(timeout=DEADLINE) == 1012
            assert not any(task.done() for task in slow), "the slow requests cannot finish while the row is locked"
            assert api.popen.poll() is None, "the process waits for its in-flight requests"
        finally:
            await lock.commit()
            await locker.close()

        try:
            responses = await asyncio.gather(*slow)
            for response in responses:
                assert response.status_code == 200, response.text
                body = response.json()
                assert "errors" not in body, body
                assert body["data"]["updateSynagogue"]["userErrors"] == [], body
            assert {r.json()["data"]["updateSynagogue"]["synagogue"]["name"] for r in responses} == set(names)
            final_name = await owner.fetchval("SELECT name FROM synagogue WHERE id = $1", slow_owner.tenant.id)
            assert final_name in names
        finally:
            await owner.close()
        await asyncio.gather(*clients)

    assert load.before and set(load.before) == {200}, load.before
    assert not [status for status in load.after if isinstance(status, int) and status >= 500], load.after
    assert 200 in load.after, "requests kept being served while draining"
    assert await api.exit_status() == 0, api.log()
    assert "Traceback" not in api.log(), api.log()


def test_R1_drain_period_defaults_to_five_seconds_and_none_embedded(settings: Settings) -> None:
    assert drain_seconds(settings.model_copy(update={"shutdown_drain_seconds": None})) == 5.0
    embedded = settings.model_copy(update={"database_url": "sqlite://:memory:", "shutdown_drain_seconds": None})
    assert drain_seconds(embedded) == 0.0
    assert drain_seconds(settings.model_copy(update={"shutdown_drain_seconds": 2.5})) == 2.5


def test_R1_signals_start_the_drain_and_a_second_sigint_cuts_it_short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lifecycle, "_draining", False)  # this test process serves other tests' requests
    server = lifecycle.DrainingServer(uvicorn.Config("main:create_app", factory=True), drain_seconds=60)
    server.handle_exit(signal.SIGTERM, None)
    assert lifecycle.draining() and not server.should_exit
    server.handle_exit(signal.SIGTERM, None)  # a repeated SIGTERM (the supervisor's, the platform's) changes nothing
    assert not server.should_exit
    server.handle_exit(signal.SIGINT, None)
    assert server.should_exit and not server.force_exit
    server.handle_exit(signal.SIGINT, None)
    assert server.force_exit
