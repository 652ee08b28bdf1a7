"""Two API processes on one Redis, and R2: Redis restarts while TVs are connected."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from models.base import tenant_scope
from models.content import Message
from models.identity import Role
from services.infra.ids import to_global_id
from subscriptions.content import publish_content_changed
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import GQL, answer, error_codes
from tests.support.live import Server, run_server
from tests.support.screens import screen_until, watch
from tests.support.servers import restart_redis
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient


async def test_a_mutation_on_one_process_reaches_subscribers_on_another(live_server: Server, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    async with run_server() as other:
        screen, _ = await watch(other, tv)
        commands = await WSClient.open(other.ws_url)
        try:
            assert (await commands.init(tv.init_payload))["type"] == "connection_ack"
            await commands.subscribe("commands", client_document("DeviceCommands"))

            headers = admin.headers()
            created = await live_server.gql(
                client_document("CreateMessage"), {"input": {"title": "From process A"}}, headers=headers
            )
            assert created["data"]["createMessage"]["userErrors"] == [], created
            state = await screen_until(screen, lambda s: s["messages"])
            assert [m["title"] for m in state["messages"]] == ["From process A"]

            sent = await live_server.gql(
                client_document("SendDeviceCommand"), {"input": {"deviceId": tv.gid, "kind": "RELOAD"}}, headers=headers
            )
            command_id = sent["data"]["sendDeviceCommand"]["command"]["id"]
            assert (await commands.next_data("commands"))["deviceCommands"]["id"] == command_id
        finally:
            await screen.close()
            await commands.close()


async def test_cross_tenant_a_change_on_one_process_reaches_only_its_own_synagogues_screens_on_another(
    live_server: Server, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin, stranger = await factory.member(role=Role.ADMIN), await factory.member(role=Role.ADMIN)
    tv, foreign_tv = await make_tv(admin.tenant), await make_tv(stranger.tenant)
    create = client_document("CreateMessage")
    async with run_server() as other:
        (screen, _), (foreign_screen, _) = await watch(other, tv), await watch(other, foreign_tv)
        try:
            async with unchanged(owner_db, admin, stranger):
                into_b = {"input": {"title": "Into B"}}
                named = await live_server.gql(create, into_b, headers=admin.headers(stranger.tenant))
                nowhere = {**admin.headers(), "X-Tenant-ID": to_global_id("Synagogue", 10**9)}
                missing = await live_server.gql(create, into_b, headers=nowhere)
                assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(missing)
            created = await live_server.gql(create, {"input": {"title": "For A"}}, headers=admin.headers())
            assert created["data"]["createMessage"]["userErrors"] == [], created
            assert [m["title"] for m in (await screen_until(screen, lambda s: s["messages"]))["messages"]] == ["For A"]
            created = await live_server.gql(create, {"input": {"title": "For B"}}, headers=stranger.headers())
            assert created["data"]["createMessage"]["userErrors"] == [], created
            state = await screen_until(foreign_screen, lambda s: s["messages"])  # its first change is its own, alone
            assert [m["title"] for m in state["messages"]] == ["For B"]
        finally:
            await screen.close()
            await foreign_screen.close()


async def test_missing_role_a_refused_change_on_one_process_reaches_no_screen_on_another(
    live_server: Server, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    viewer = await factory.member(tenant=admin.tenant, role=Role.VIEWER)
    editor = await factory.member(tenant=admin.tenant, role=Role.EDITOR)
    tv = await make_tv(admin.tenant)
    create, command = client_document("CreateMessage"), client_document("SendDeviceCommand")
    async with run_server() as other:
        screen, _ = await watch(other, tv)
        commands = await WSClient.open(other.ws_url)
        try:
            assert (await commands.init(tv.init_payload))["type"] == "connection_ack"
            await commands.subscribe("commands", client_document("DeviceCommands"))
            async with unchanged(owner_db, admin):
                refused = await live_server.gql(create, {"input": {"title": "Refused"}}, headers=viewer.headers())
                assert error_codes(refused) == ["FORBIDDEN"] and refused["data"] is None
                reboot = {"input": {"deviceId": tv.gid, "kind": "REBOOT"}}
                refused = await live_server.gql(command, reboot, headers=editor.headers())
                assert error_codes(refused) == ["FORBIDDEN"] and refused["data"] is None

            created = await live_server.gql(create, {"input": {"title": "Allowed"}}, headers=admin.headers())
            assert created["data"]["createMessage"]["userErrors"] == [], created
            state = await screen_until(screen, lambda s: s["messages"])
            assert [m["title"] for m in state["messages"]] == ["Allowed"]
            reload = {"input": {"deviceId": tv.gid, "kind": "RELOAD"}}
            sent = await live_server.gql(command, reload, headers=admin.headers())
            first = (await commands.next_data("commands"))["deviceCommands"]
            assert (first["id"], first["kind"]) == (sent["data"]["sendDeviceCommand"]["command"]["id"], "RELOAD")
        finally:
            await screen.close()
            await commands.close()


async def test_R2_redis_restart_tvs_resynchronise_with_the_database(
    app: Any, live_server: Server, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant_id = admin.tenant.id
    tvs = [await make_tv(admin.tenant, f"TV {i}") for i in range(6)]
    async with run_server() as other:
        servers = [live_server, other]
        watched = [await watch(servers[i % 2], tv) for i, tv in enumerate(tvs)]
        clients = [client for client, _ in watched]
        try:
            assert all(state["messages"] == [] for _, state in watched)

            written = ["Written while Redis was down", "Written later in the outage"]

            async def change_while_down() -> None:
                for pause, title in zip((1, 5), written, strict=True):
                    await asyncio.sleep(pause)
                    async with tenant_scope(tenant_id):
                        await Message.create(title=title, body="")
                    await publish_content_changed(app.state.broadcast, tenant_id)  # lost: Redis is down

            await asyncio.gather(restart_redis(down_seconds=10), change_while_down())  # the matrix's 10 s

            resynced = await asyncio.gather(
                *(screen_until(c, lambda s: len(s["messages"]) == 2, timeout=30) for c in clients)
            )
            assert all({m["title"] for m in s["messages"]} == set(written) for s in resynced)

            created = await gql.op("CreateMessage", {"input": {"title": "After the restart"}}, actor=admin)
            assert error_codes(created) == [] and created["data"]["createMessage"]["userErrors"] == [], created
            final = await asyncio.gather(
                *(screen_until(c, lambda s: len(s["messages"]) == 3, timeout=30) for c in clients)
            )
            truth = await live_server.gql(client_document("Screen"), headers=tvs[0].headers)
            assert {s["version"] for s in final} == {truth["data"]["screen"]["version"]}
            titles = {m["title"] for m in truth["data"]["screen"]["messages"]}
            assert titles == {*written, "After the restart"}
        finally:
            await asyncio.gather(*(c.close() for c in clients))
