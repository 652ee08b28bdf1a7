"""W3: an access token that expires while its websocket is open gets the socket closed (4403), on time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models.identity import Role
from services.identity.tokens import issue_access_token
from tests.support.actors import Factory
from tests.support.documents import client_document
from tests.support.live import run_server
from tests.support.websocket import WSClient


async def test_W3_a_user_token_expiring_mid_stream_closes_the_socket_4403(settings: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN, password_changed_at=datetime.now(UTC) - timedelta(hours=1))
    async with run_server() as server:
        issued = datetime.now(UTC) - timedelta(seconds=settings.access_token_ttl_seconds - 4)
        token, claims = issue_access_token(settings, admin.user.id, now=issued)
        client = await WSClient.open(server.ws_url)
        try:
            ack = await client.init({"authorization": f"Bearer {token}", "tenantId": admin.tenant_gid})
            assert ack["type"] == "connection_ack"
            await client.subscribe("events", client_document("TenantEvents"))
            assert await client.close_code(timeout=30) == 4403
            assert datetime.now(UTC) >= claims.expires_at
        finally:
            await client.close()
