"""The app served on a real port, for what needs a listening server (websockets as a TV opens them, several
processes sharing Redis pub/sub, a pool of connections of its own):

- `run_server(**settings)`: `uvicorn main:create_app` in a subprocess on a free port, with the test database and
  Redis (the environment tests/support/database.py set up) and the given settings; stopped after the block.
- `serve_in_process(app)`: the app already running in this process (its state is the test's to inspect),
  served by uvicorn on a free port of the same event loop.

`main.py serve` and `main.py worker` as processes of their own are in tests/support/processes.py.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from config import ROOT
from services.infra.ws_server import WebSocketProtocol
from tests.support.waiting import wait_until

WS_PROTOCOL = "services.infra.ws_server:WebSocketProtocol"
"""uvicorn's websocket protocol as `main.py serve` gives it."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def until_answering(
    base: str, path: str, *, gone: Callable[[], str | None], timeout: float = 30.0
) -> httpx.Response:
    """Poll `GET {base}{path}` until it answers 200, and return that answer; fail at once with what `gone()`
    says when it says the server's process has ended."""
    answered: list[httpx.Response] = []
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:

        async def answers() -> bool:
            ended = gone()
            if ended is not None:
                raise AssertionError(ended)
            try:
                response = await client.get(path)
            except httpx.TransportError:
                return False
            answered.append(response)
            return response.status_code == 200

        await wait_until(answers, f"{base}{path} answering 200", timeout=timeout, every=0.1)
    return answered[-1]


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    async def gql(
        self, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> Any:
        async with httpx.AsyncClient(base_url=self.http_url, timeout=30) as client:
            response = await client.post(
                "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
            )
            return response.json()

    async def post(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
        """A GraphQL request body as given (a persisted query, an operation name), answered as JSON."""
        async with httpx.AsyncClient(base_url=self.http_url, timeout=30) as client:
            return (await client.post("/graphql", json=body, headers=headers)).json()

    async def metric(self, name: str) -> float:
        async with httpx.AsyncClient(base_url=self.http_url, timeout=10) as client:
            text = (await client.get("/metrics")).text
        for line in text.splitlines():
            if line.startswith(name + " ") or line.startswith(name + "{"):
                return float(line.rsplit(" ", 1)[1])
        return 0.0


@asynccontextmanager
async def run_server(**overrides: str) -> AsyncIterator[Server]:
    """uvicorn with the app in a subprocess, its settings overridden by `overrides` (`db_pool_max="2"`)."""
    port = free_port()
    env = {**os.environ, "LOG_LEVEL": "WARNING", **{k.upper(): v for k, v in overrides.items()}}
    command = [
        sys.executable, "-m", "uvicorn", "main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--ws", WS_PROTOCOL, "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    server = Server(port=port, process=process)

    def gone() -> str | None:
        return None if process.poll() is None else f"uvicorn exited with {process.returncode}"

    try:
        await until_answering(server.http_url, "/health/live", gone=gone)
        yield server
    finally:
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 20)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait, 5)


@asynccontextmanager
async def serve_in_process(app: Any) -> AsyncIterator[str]:
    """Serve the already started app on a free loopback port (same event loop); yields ws://host:port."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_config=None, ws=WebSocketProtocol)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())

    def started() -> bool:
        if task.done():
            task.result()  # the reason it stopped
        return bool(server.started)

    await wait_until(started, "uvicorn serving the app in this process", every=0.01)
    try:
        yield f"ws://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
