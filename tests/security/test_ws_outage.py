"""R3/R4 at the websocket door: when the credentials of a `connection_init` cannot be checked because
Redis or PostgreSQL is down, the socket closes with 1013 (try again later), never 4403 (which tells a
client its credentials are gone) and never a crash; once the service is back the same client is welcomed.
A TV's token is checked in the database alone, so TVs keep connecting while Redis is down."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.live import Server, run_server
from tests.support.servers import redis_down, start_postgres, stop_postgres
from tests.support.websocket import WSClient


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server() as live:
        yield live


async def init_close_code(server: Server, payload: dict[str, str]) -> int | None:
    client = await WSClient.open(server.ws_url)
    await client.send({"type": "connection_init", "payload": payload})
    return await client.close_code()


async def test_R3_redis_down_at_connection_init_closes_1013_for_users_while_tvs_still_connect(
    server: Server, factory: Factory
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    user_payload = {"authorization": f"Bearer {admin.token}", "tenantId": admin.tenant_gid}
    tv = await make_tv(await factory.tenant())
    async with redis_down():
        assert await init_close_code(server, user_payload) == 1013
        screen = await WSClient.open(server.ws_url)
        assert (await screen.init(tv.init_payload))["type"] == "connection_ack"
        await screen.close()
    client = await WSClient.open(server.ws_url)
    assert (await client.init(user_payload))["type"] == "connection_ack"
    await client.close()


async def test_R4_postgres_down_at_connection_init_closes_1013_then_the_tv_is_welcomed(
    server: Server, factory: Factory
) -> None:
    tv = await make_tv(await factory.tenant())
    await stop_postgres()
    try:
        assert await init_close_code(server, tv.init_payload) == 1013
    finally:
        await start_postgres()
    client = await WSClient.open(server.ws_url)
    assert (await client.init(tv.init_payload))["type"] == "connection_ack"
    await client.close()
