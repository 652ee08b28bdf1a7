"""Fan-out of `screenUpdated`: one content change is computed once per tenant, executed once per
(settings projection, operation shape) and serialised once, yet every socket gets exactly what its own
document selects, through its own device's settings, and nothing of another tenant."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
from redis import asyncio as aioredis

from models.identity import Role
from subscriptions.channels import tenant_content
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.devices import TV, make_tv
from tests.support.graphql import GQL, message_codes
from tests.support.live import Server, run_server
from tests.support.screens import SCREEN_UPDATED, screen_until, watch
from tests.support.servers import redis_url
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient

SMALL = "subscription Small { screenUpdated { version messages { title } } }"
THEMED = "subscription Themed { screenUpdated { version synagogueName settings { theme } messages { title body } } }"
FULL_FIELDS = {
    "version", "generatedAt", "validUntil", "synagogueName", "date", "hebrewDate", "parasha", "holidays",
    "candleLighting", "havdalah", "zmanim", "prayers", "messages", "yahrzeits", "classes",
}  # fmt: skip
EXECUTIONS = "shulgraph_subscription_shared_executions_total"
REUSES = "shulgraph_subscription_shared_reuses_total"
ENCODINGS = "shulgraph_subscription_shared_encodings_total"
COMPUTATIONS = "shulgraph_screen_computations_total"


async def metrics(server: Server) -> dict[str, float]:
    names = (EXECUTIONS, REUSES, ENCODINGS, COMPUTATIONS)
    return dict(zip(names, await asyncio.gather(*(server.metric(name) for name in names)), strict=True))


async def channel_subscriptions(channel: str) -> int:
    """How many Redis connections listen on a channel."""
    client = aioredis.Redis.from_url(redis_url())
    try:
        [(_, count)] = await client.pubsub_numsub(channel)
        return int(count)
    finally:
        await client.aclose()


async def set_theme(gql: GQL, admin: Any, tv: TV, theme: str) -> None:
    update = """mutation($input: UpdateDeviceSettingsInput!) {
      updateDeviceSettings(input: $input) { userErrors { code } } }"""
    result = await gql(update, {"input": {"deviceId": tv.gid, "theme": theme}}, actor=admin)
    assert result["data"]["updateDeviceSettings"]["userErrors"] == [], result


async def test_each_selection_gets_its_own_payload_from_one_computation(
    database: str, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tenant: Any = admin.tenant
    full_a, full_b, small, themed_default, themed_dark = [await make_tv(tenant, f"TV {i}") for i in range(5)]
    await set_theme(gql, admin, themed_dark, "dark")
    async with run_server() as server:
        sockets = await asyncio.gather(
            watch(server, full_a, SCREEN_UPDATED),
            watch(server, full_b, SCREEN_UPDATED),
            watch(server, small, SMALL),
            watch(server, themed_default, THEMED),
            watch(server, themed_dark, THEMED),
        )
        clients = [client for client, _ in sockets]
        try:
            assert await channel_subscriptions(tenant_content(tenant.id)) == 1  # one per process, not per TV
            before = await metrics(server)
            await create_message(gql, admin, "Seudah shlishit", body="In the hall")
            states = await asyncio.gather(*(screen_until(client, lambda s: s["messages"]) for client in clients))
            after = await metrics(server)
            got_full_a, got_full_b, got_small, got_default, got_dark = states

            assert after[COMPUTATIONS] - before[COMPUTATIONS] == 1
            assert after[EXECUTIONS] - before[EXECUTIONS] == 4  # full, small, themed × two settings projections
            assert after[REUSES] - before[REUSES] == 1  # the second full subscriber of the same settings
            assert after[ENCODINGS] - before[ENCODINGS] == 4

            assert set(got_full_a) == FULL_FIELDS and got_full_a == got_full_b
            assert got_full_a["messages"][0]["title"] == "Seudah shlishit"
            assert set(got_full_a["messages"][0]) == {"id", "title", "body", "priority"}
            assert got_small == {"version": got_full_a["version"], "messages": [{"title": "Seudah shlishit"}]}
            assert set(got_default) == {"version", "synagogueName", "settings", "messages"}
            assert got_default["version"] == got_full_a["version"]
            assert got_default["settings"] == {"theme": ""} and got_dark["settings"] == {"theme": "dark"}
            assert got_dark["version"] != got_default["version"]
            shown = [{"title": "Seudah shlishit", "body": "In the hall"}]
            assert got_dark["messages"] == got_default["messages"] == shown
        finally:
            await asyncio.gather(*(client.close() for client in clients))


async def test_cross_tenant_another_tenants_screens_get_nothing_of_a_change(
    live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin_a = await factory.member(role=Role.ADMIN)
    admin_b = await factory.member(role=Role.ADMIN)
    tv_a = await make_tv(admin_a.tenant)
    tv_b = await make_tv(admin_b.tenant)
    (socket_a, first_a), (socket_b, first_b) = await asyncio.gather(
        watch(live_server, tv_a, SCREEN_UPDATED), watch(live_server, tv_b, SCREEN_UPDATED)
    )
    member = await WSClient.open(live_server.ws_url)
    try:
        assert first_b["synagogueName"] == admin_b.tenant.name
        await create_message(gql, admin_a, "Only for A")
        seen_a = await screen_until(socket_a, lambda s: s["messages"])
        assert [m["title"] for m in seen_a["messages"]] == ["Only for A"]

        async with unchanged(owner_db, admin_a, admin_b):
            init = {"authorization": f"Bearer {admin_a.token}", "tenantId": admin_a.tenant_gid}
            assert (await member.init(init))["type"] == "connection_ack"
            await member.subscribe("screen", SCREEN_UPDATED)
            refused = await member.next("screen")
            assert refused["type"] == "error" or refused["payload"].get("errors"), refused

        await create_message(gql, admin_b, "Only for B")
        seen_b = (await socket_b.next_data("screen"))["screenUpdated"]
        assert [m["title"] for m in seen_b["messages"]] == ["Only for B"]
        assert seen_b["synagogueName"] == admin_b.tenant.name
        assert seen_b["version"] not in (first_a["version"], seen_a["version"])
    finally:
        await asyncio.gather(socket_a.close(), socket_b.close(), member.close())


async def test_missing_role_a_refused_socket_gets_nothing_of_the_fanout(
    live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    screen, _ = await watch(live_server, tv, SCREEN_UPDATED)
    member, anonymous = await WSClient.open(live_server.ws_url), await WSClient.open(live_server.ws_url)
    try:
        signed_in = {"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid}
        async with unchanged(owner_db, admin):
            for client, payload, code in ((member, signed_in, "FORBIDDEN"), (anonymous, {}, "UNAUTHENTICATED")):
                assert (await client.init(payload))["type"] == "connection_ack"
                await client.subscribe("screen", SCREEN_UPDATED)
                refused = await client.next("screen")
                assert message_codes(refused) == [code], refused
                if refused["type"] == "next":
                    assert (await client.next("screen"))["type"] == "complete"
        await create_message(gql, admin, "For the screens")
        state = await screen_until(screen, lambda s: s["messages"])
        assert [m["title"] for m in state["messages"]] == ["For the screens"]
        for client in (member, anonymous):  # a pong, and no screen state before it
            await client.send({"type": "ping"})
            assert await client.receive() == {"type": "pong"}
    finally:
        await asyncio.gather(screen.close(), member.close(), anonymous.close())
