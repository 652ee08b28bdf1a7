"""Partner keys cannot open a websocket: over graphql-transport-ws any document could be sent, so the
allowlist of persisted documents (P1) holds only because partners are refused at connection_init."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from models.identity import Role
from tests.support.actors import Factory
from tests.support.graphql import GQL
from tests.support.live import Server, run_server
from tests.support.partners import create_key, document_id
from tests.support.snapshot import unchanged
from tests.support.websocket import WSClient


@pytest.fixture(scope="module")
async def server(database: str) -> AsyncIterator[Server]:
    async with run_server() as live:
        yield live


async def test_P1_missing_role_partner_key_is_refused_at_websocket_init(
    server: Server, gql: GQL, factory: Factory, owner_db: asyncpg.Connection
) -> None:
    admin = await factory.member(role=Role.ADMIN)
    key = await create_key(gql, admin, [document_id("Synagogue")])
    async with unchanged(owner_db, admin):
        client = await WSClient.open(server.ws_url)
        await client.send({"type": "connection_init", "payload": {"authorization": f"ApiKey {key['secret']}"}})
        assert await client.close_code() == 4403
