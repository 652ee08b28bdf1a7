"""A synagogue's live events (`tenantEvents`) and a TV's commands (`deviceCommands`) as tests watch them: from
this process's broadcaster, or over a websocket once the server has the subscription in place (a probe event
that comes back proves it, where a sleep would only hope so)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from subscriptions.channels import tenant_events
from subscriptions.events import tenant_event
from tests.support.actors import Actor
from tests.support.documents import client_document
from tests.support.live import Server
from tests.support.waiting import wait_until
from tests.support.websocket import WSClient

EVENTS = client_document("TenantEvents")
COMMANDS = client_document("DeviceCommands")


@asynccontextmanager
async def tenant_feed(app: Any, tenant_id: int) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
    """The tenant's events as this process's broadcaster receives them, live before the block starts."""
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    async with app.state.broadcast.subscribe(channel=tenant_events(tenant_id)) as subscriber:

        async def pump() -> None:
            async for event in subscriber:
                if event is None:
                    return
                if event.message.startswith("{") and "kind" in event.message:
                    await queue.put(json.loads(event.message))

        task = asyncio.create_task(pump())

        async def probe_came_back() -> bool:
            await tenant_event(app.state.broadcast, tenant_id, "ALERT", probe=True)
            try:
                return bool((await asyncio.wait_for(queue.get(), 0.2))["kind"] == "ALERT")
            except TimeoutError:
                return False

        try:
            await wait_until(probe_came_back, "the tenant channel live", timeout=10, every=0)
            yield queue
        finally:
            task.cancel()


async def device_events(
    queue: asyncio.Queue[dict[str, Any]], device_id: int, *kinds: str
) -> dict[str, dict[str, Any]]:
    """The first event of each kind about the device from a `tenant_feed`, in whatever order they arrive."""
    found: dict[str, dict[str, Any]] = {}
    async with asyncio.timeout(30):
        while set(found) != set(kinds):
            event = await queue.get()
            if event["kind"] in kinds and event["deviceId"] == device_id:
                found.setdefault(event["kind"], event)
    return found


async def until_listening(app: Any, watcher: WSClient, admin: Actor) -> None:
    """Probe the tenant's event channel until the watcher's subscription ("events") is live on the server."""
    tenant_id = admin.tenant.id

    async def probe_came_back() -> bool:
        await tenant_event(app.state.broadcast, tenant_id, "ALERT", probe=True)
        try:
            event = (await watcher.next_data("events", timeout=0.5))["tenantEvents"]
        except TimeoutError:
            return False
        assert event["kind"] == "ALERT"
        return True

    await wait_until(probe_came_back, "the tenantEvents subscription live", timeout=20, every=0)
    watcher.buffer.clear()


async def watch_events(app: Any, server: Server, member: Actor) -> WSClient:
    """A member's socket to `server` with a live `tenantEvents` subscription ("events")."""
    watcher = await WSClient.open(server.ws_url)
    ack = await watcher.init({"authorization": f"Bearer {member.token}", "tenantId": member.tenant_gid})
    assert ack["type"] == "connection_ack", ack
    await watcher.subscribe("events", EVENTS)
    await until_listening(app, watcher, member)
    return watcher
