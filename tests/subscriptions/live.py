"""Real servers and a real graphql-transport-ws client for websocket tests.

`run_server` starts `uvicorn main:create_app` in a subprocess on a free port with the test database
and Redis (the environment tests/conftest.py set up), waits until it answers, and stops it after.
`WSClient` speaks the protocol with the `websockets` package, as a TV app would.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parents[2]
PROTOCOL = "graphql-transport-ws"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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

    async def metric(self, name: str) -> float:
        async with httpx.AsyncClient(base_url=self.http_url, timeout=10) as client:
            text = (await client.get("/metrics")).text
        for line in text.splitlines():
            if line.startswith(name + " ") or line.startswith(name + "{"):
                return float(line.rsplit(" ", 1)[1])
        return 0.0


@asynccontextmanager
async def run_server(**overrides: str) -> AsyncIterator[Server]:
    port = free_port()
    env = {**os.environ, "LOG_LEVEL": "WARNING", **{k.upper(): v for k, v in overrides.items()}}
    command = [
        sys.executable, "-m", "uvicorn", "main:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--ws", "websockets-sansio", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    server = Server(port=port, process=process)
    try:
        async with httpx.AsyncClient(base_url=server.http_url, timeout=2) as client:
            for _ in range(300):
                if process.poll() is not None:
                    raise RuntimeError(f"uvicorn exited with {process.returncode}")
                try:
                    if (await client.get("/health/live")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            else:
                raise RuntimeError("uvicorn did not start")
        yield server
    finally:
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 20)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait, 5)


class WSClient:
    """One graphql-transport-ws connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.buffer: list[dict[str, Any]] = []

    @classmethod
    async def open(cls, url: str, origin: str | None = None) -> WSClient:
        connection = await connect(url, subprotocols=[PROTOCOL], origin=origin, open_timeout=10)  # type: ignore[list-item,arg-type]
        return cls(connection)

    async def send(self, message: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(message))

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": payload or {}})
        return await self.receive()

    async def receive(self, timeout: float = 15) -> dict[str, Any]:
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
        message = await self.next(op_id, timeout)
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message
        data: dict[str, Any] = message["payload"]["data"]
        return data

    async def close_code(self, timeout: float = 15) -> int | None:
        """Wait until the server closes the socket; its close code."""
        try:
            while True:
                await asyncio.wait_for(self.connection.recv(), timeout)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None

    async def close(self) -> None:
        await self.connection.close()
