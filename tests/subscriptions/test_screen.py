"""`screenUpdated` over a real websocket: the full state first, then a new state on every change and at
every time boundary; one computation per change for all the screens of a tenant."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import asyncpg

from models.identity import Role
from services.infra.ids import to_global_id
from tests.support.actors import Factory
from tests.support.content import create_message
from tests.support.devices import make_tv
from tests.support.documents import client_document
from tests.support.graphql import GQL, answer, error_codes, message_codes
from tests.support.live import Server, run_server
from tests.support.screens import SCREEN_UPDATED, screen_until, watch
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient


async def test_first_message_is_the_full_state_then_changes_arrive(
    live_server: Server, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    client, first = await watch(live_server, tv)
    try:
        assert first["synagogueName"] == admin.tenant.name
        assert first["messages"] == [] and first["version"] and first["validUntil"]
        queried = await live_server.gql(client_document("Screen"), headers=tv.headers)
        assert queried["data"]["screen"]["version"] == first["version"]

        message = await create_message(gql, admin, "Kiddush after davening")
        changed = await screen_until(client, lambda s: s["messages"])
        assert [m["title"] for m in changed["messages"]] == ["Kiddush after davening"]
        assert changed["messages"][0]["id"] == message["id"]
        assert changed["version"] != first["version"]
    finally:
        await client.close()


async def test_device_settings_change_only_that_screen(live_server: Server, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await create_message(gql, admin, "Shabbat shalom")
    quiet = await make_tv(admin.tenant, "Quiet")
    other = await make_tv(admin.tenant, "Other")
    quiet_socket, quiet_first = await watch(live_server, quiet)
    other_socket, other_first = await watch(live_server, other)
    try:
        assert quiet_first["version"] == other_first["version"] and quiet_first["messages"]
        update = """mutation($input: UpdateDeviceSettingsInput!) {
          updateDeviceSettings(input: $input) { userErrors { code } } }"""
        hide = {"deviceId": quiet.gid, "contentOverrides": {"hiddenSections": ["MESSAGES"]}}
        assert (await gql(update, {"input": hide}, actor=admin))["data"]["updateDeviceSettings"]["userErrors"] == []
        hidden = await screen_until(quiet_socket, lambda s: not s["messages"])
        assert hidden["version"] != quiet_first["version"]
        await create_message(gql, admin, "Second")
        both = await screen_until(other_socket, lambda s: len(s["messages"]) == 2)
        assert both["version"] != hidden["version"]
        queried = await live_server.gql(client_document("Screen"), headers=quiet.headers)
        assert queried["data"]["screen"]["version"] == hidden["version"]
        assert queried["data"]["screen"]["messages"] == []
    finally:
        await quiet_socket.close()
        await other_socket.close()


async def test_a_time_boundary_brings_a_new_state_without_any_change(
    live_server: Server, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    ends = datetime.now(UTC) + timedelta(seconds=3)
    await create_message(gql, admin, "Ends soon", endsAt=ends.isoformat())
    tv = await make_tv(admin.tenant)
    client, first = await watch(live_server, tv)
    try:
        assert [m["title"] for m in first["messages"]] == ["Ends soon"]
        assert datetime.fromisoformat(first["validUntil"]) <= ends + timedelta(seconds=1)
        later = await screen_until(client, lambda s: not s["messages"])
        assert datetime.fromisoformat(later["generatedAt"]) >= ends
    finally:
        await client.close()


async def test_fifty_screens_of_a_tenant_cost_one_computation_per_change(
    database: str, gql: GQL, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tvs = [await make_tv(admin.tenant, f"TV {i}") for i in range(50)]
    async with run_server() as server:
        before = await server.metric("shulgraph_screen_computations_total")
        watched = await asyncio.gather(*(watch(server, tv) for tv in tvs))
        clients = [client for client, _ in watched]
        try:
            assert len({state["version"] for _, state in watched}) == 1
            joined = await server.metric("shulgraph_screen_computations_total")
            assert joined - before == 1
            projections = await server.metric("shulgraph_screen_projections_total")

            await create_message(gql, admin, "One change")
            states = await asyncio.gather(*(screen_until(c, lambda s: s["messages"]) for c in clients))
            assert len({s["version"] for s in states}) == 1
            assert await server.metric("shulgraph_screen_computations_total") - joined == 1
            assert await server.metric("shulgraph_screen_projections_total") - projections == 1
        finally:
            await asyncio.gather(*(c.close() for c in clients))


async def test_a_profile_change_reaches_the_screen(live_server: Server, gql: GQL, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    client, first = await watch(live_server, tv)
    try:
        renamed = await gql.op("UpdateSynagogue", {"input": {"name": "Beth Renamed"}}, actor=admin)
        assert renamed["data"]["updateSynagogue"]["userErrors"] == [], renamed
        state = await screen_until(client, lambda s: s["synagogueName"] == "Beth Renamed")
        assert state["version"] != first["version"]
    finally:
        await client.close()


async def test_missing_role_a_member_or_anonymous_caller_gets_no_screen(
    live_server: Server, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    await make_tv(admin.tenant)
    async with unchanged(owner_db, admin):
        for headers, code in ((admin.headers(), "FORBIDDEN"), ({}, "UNAUTHENTICATED")):
            refused = await live_server.gql(client_document("Screen"), headers=headers)
            assert error_codes(refused) == [code] and refused["data"] is None, refused
        member = {"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid}
        for payload, code in ((member, "FORBIDDEN"), ({}, "UNAUTHENTICATED")):
            client = await WSClient.open(live_server.ws_url)
            try:
                assert (await client.init(payload))["type"] == "connection_ack"
                await client.subscribe("screen", SCREEN_UPDATED)
                assert message_codes(await client.next("screen")) == [code]
            finally:
                await client.close()


async def test_cross_tenant_a_device_naming_another_synagogue_gets_no_screen(
    live_server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    tenant = await factory.tenant()
    other = await factory.member(role=Role.ADMIN)
    await create_message(gql, other, "Only for the other synagogue")
    tv = await make_tv(tenant)
    nowhere = to_global_id("Synagogue", 10**9)
    screen = client_document("Screen")
    async with unchanged(owner_db, tenant, other):
        named = await live_server.gql(screen, headers={**tv.headers, "X-Tenant-ID": other.tenant_gid})
        missing = await live_server.gql(screen, headers={**tv.headers, "X-Tenant-ID": nowhere})
        assert error_codes(named) == ["FORBIDDEN"] and answer(named) == answer(missing)
        for tenant_gid in (other.tenant_gid, nowhere):
            naming = await WSClient.open(live_server.ws_url)
            await naming.send({"type": "connection_init", "payload": {**tv.init_payload, "tenantId": tenant_gid}})
            assert await naming.close_code() == 4403
    client, first = await watch(live_server, tv)
    await client.close()
    assert first["synagogueName"] == tenant.name and first["messages"] == []
