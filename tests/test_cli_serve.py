"""`main.py serve` in production on a freshly migrated database: as the app role alone, and draining its workers."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import httpx
import pytest

from config import get_settings
from services.identity.tokens import issue_access_token
from services.infra.ids import to_global_id
from tests.support.actors import unique
from tests.support.cli import Database, fetch, migrated_database, run
from tests.support.documents import client_document
from tests.support.live import free_port
from tests.support.processes import launch
from tests.support.servers import redis_url
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient


@pytest.fixture(scope="module")
async def migrated() -> Database:
    return await migrated_database()


async def test_serve_runs_as_the_app_role_alone(migrated: Database, tmp_path: Path) -> None:
    """Production's API process: PostgreSQL and Redis, the app role's URL and no owner credentials."""
    port = free_port()
    env = {**migrated.env(), "ENVIRONMENT": "production", "REDIS_URL": redis_url(), "HOST": "127.0.0.1"}
    env["PORT"] = str(port)
    env.pop("MIGRATIONS_DATABASE_URL")
    process = launch("serve", tmp_path, env, port)
    try:
        ready = await process.until_ready()
        assert ready.json()["checks"] == {"process": "ok", "database": "ok", "redis": "ok"}
        email = f"{unique('prod')}@example.org"
        run(migrated, "create-admin", "--email", email, "--password", "a long admin password")
        [user] = await fetch(migrated.owner_url, "SELECT id FROM app_user WHERE email = $1", email)
        token = issue_access_token(get_settings(), user["id"])[0]
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            response = await client.post(
                "/graphql",
                json={"query": client_document("Me"), "operationName": "Me"},
                headers={"Authorization": f"Bearer {token}"},
            )
        body = response.json()
        assert "errors" not in body, body
        assert body["data"]["me"]["id"] == to_global_id("User", user["id"])
        assert body["data"]["me"]["email"] == email
        assert body["data"]["me"]["isPlatformAdmin"] is True
        assert process.stop() == 0, process.describe()  # drained, not killed by its own signal
    finally:
        process.kill()


async def test_R1_serve_with_workers_drains_every_worker_process(migrated: Database, tmp_path: Path) -> None:
    """`WORKERS=2`: uvicorn's supervisor passes SIGTERM on; each worker process fails readiness, then stops."""
    port = free_port()
    env = {**migrated.env(), "ENVIRONMENT": "production", "REDIS_URL": redis_url(), "HOST": "127.0.0.1"}
    env.update({"PORT": str(port), "WORKERS": "2", "SHUTDOWN_DRAIN_SECONDS": "3", "WS_INIT_TIMEOUT_SECONDS": "120"})
    env.update({"LOG_LEVEL": "INFO", "LOG_JSON": "false"})
    env.pop("MIGRATIONS_DATABASE_URL")
    process = launch("serve", tmp_path, env, port)
    try:
        await process.until_ready()
        await process.wait_for(r"(?s)Application startup complete.*Application startup complete", "err")
        socket = await WSClient.open(f"ws://127.0.0.1:{port}/graphql")  # open, not yet initialised
        process.popen.send_signal(signal.SIGTERM)
        draining: list[dict[str, Any]] = []
        async with httpx.AsyncClient(
            base_url=process.base, timeout=10, limits=httpx.Limits(max_keepalive_connections=0)
        ) as client:

            async def draining_or_closed() -> bool:
                try:
                    response = await client.get("/health/ready")
                except httpx.TransportError:
                    return True
                if response.status_code == 503:
                    draining.append(response.json())
                return bool(draining)

            await wait_until(draining_or_closed, "readiness failing or the listener closed")
        assert draining and draining[0]["reason"] == "draining", process.describe()
        assert await socket.close_code(timeout=60) == 1012
        assert await asyncio.to_thread(process.popen.wait, 60) == 0, process.describe()
        assert process.err().count("draining: readiness fails") == 2, process.describe()
        assert process.err().count("stopped accepting connections") == 2, process.describe()
        assert "Traceback" not in process.err(), process.describe()
    finally:
        process.kill()
