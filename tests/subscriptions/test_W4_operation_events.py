"""W4 (security matrix): several mutations over one websocket (or one batch) | each operation's effects (screens
refreshed, events) happen for each operation, after its commit, and only if it committed.

State that belongs to one operation lives in that operation, not in the socket's or the request's context, which
outlive it: a second mutation on an admin's socket must reach the TVs as the first did."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import asyncpg
import httpx

from models.identity import Role
from subscriptions.channels import tenant_content
from tests.support.actors import Actor, Factory
from tests.support.documents import client_document
from tests.support.live import Server, run_server
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient

CREATE = client_document("CreateMessage")


async def next_events(subscriber: Any, count: int, quiet_seconds: float = 0.5) -> list[dict[str, Any]]:
    """`count` events, then none more for `quiet_seconds`."""
    events = []
    iterator = subscriber.__aiter__()
    for _ in range(count):
        event = await asyncio.wait_for(iterator.__anext__(), timeout=15)
        events.append(json.loads(event.message))
    try:
        extra = await asyncio.wait_for(iterator.__anext__(), timeout=quiet_seconds)
    except TimeoutError:
        return events
    raise AssertionError(f"one event more than expected: {extra.message}")


async def create_over(ws: WSClient, op_id: str, title: str) -> dict[str, Any]:
    await ws.send(
        {
            "id": op_id,
            "type": "subscribe",
            "payload": {"query": CREATE, "operationName": "CreateMessage", "variables": {"input": {"title": title}}},
        }
    )
    data = await ws.next_data(op_id)
    assert (await ws.next(op_id))["type"] == "complete"
    return data


async def editor_socket(server: Server, editor: Actor) -> WSClient:
    ws = await WSClient.open(server.ws_url)
    ack = await ws.init({"authorization": f"Bearer {editor.token}", "tenantId": editor.tenant_gid})
    assert ack["type"] == "connection_ack", ack
    return ws


async def test_W4_every_mutation_on_one_websocket_tells_the_screens(
    live_server: Server, factory: Factory, app: Any
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    async with app.state.broadcast.subscribe(channel=tenant_content(editor.tenant.id)) as subscriber:
        ws = await editor_socket(live_server, editor)
        try:
            for n in range(3):
                created = await create_over(ws, f"m{n}", f"Kiddush {n}")
                assert created["createMessage"]["userErrors"] == []
            refused = await create_over(ws, "bad", "")  # a userError: nothing written, nothing to tell
            assert refused["createMessage"]["message"] is None
        finally:
            await ws.close()
        assert await next_events(subscriber, 3) == [{"tenant": editor.tenant.id}] * 3


async def test_W4_every_mutation_of_a_batch_tells_the_screens(factory: Factory, app: Any) -> None:
    editor = await factory.member(role=Role.EDITOR)
    batch = [
        {"query": CREATE, "operationName": "CreateMessage", "variables": {"input": {"title": f"Shiur {n}"}}}
        for n in range(2)
    ]
    async with (
        run_server(max_batch="2") as server,
        app.state.broadcast.subscribe(channel=tenant_content(editor.tenant.id)) as subscriber,
    ):
        async with httpx.AsyncClient(base_url=server.http_url, timeout=30) as client:
            response = await client.post("/graphql", json=batch, headers=editor.headers())
        assert [r["data"]["createMessage"]["userErrors"] for r in response.json()] == [[], []]
        assert await next_events(subscriber, 2) == [{"tenant": editor.tenant.id}] * 2


async def test_W4_a_viewers_mutation_on_a_socket_tells_no_screen_missing_role(
    live_server: Server, factory: Factory, app: Any, owner_db: asyncpg.Connection
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    async with (
        unchanged(owner_db, viewer),
        app.state.broadcast.subscribe(channel=tenant_content(viewer.tenant.id)) as subscriber,
    ):
        ws = await editor_socket(live_server, viewer)
        try:
            await ws.subscribe("m", CREATE, {"input": {"title": "Kiddush"}})
            refused = await ws.next("m")
            assert [e["extensions"]["code"] for e in refused["payload"]["errors"]] == ["FORBIDDEN"], refused
        finally:
            await ws.close()
        assert await next_events(subscriber, 0) == []


async def test_W4_another_synagogues_socket_tells_no_screen_of_it_cross_tenant(
    live_server: Server, factory: Factory, app: Any, owner_db: asyncpg.Connection
) -> None:
    editor = await factory.member(role=Role.EDITOR)
    victim = await factory.member(role=Role.OWNER)
    async with (
        unchanged(owner_db, victim),
        app.state.broadcast.subscribe(channel=tenant_content(victim.tenant.id)) as subscriber,
    ):
        ws = await WSClient.open(live_server.ws_url)
        try:
            init = {"authorization": f"Bearer {editor.token}", "tenantId": victim.tenant_gid}
            await ws.send({"type": "connection_init", "payload": init})
            assert await ws.close_code() == 4403  # refused before any operation could run
        finally:
            await ws.close()
        assert await next_events(subscriber, 0) == []
