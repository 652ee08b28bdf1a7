"""W3 when the close request is lost: a device revoked while Redis could not carry the request to close its
sockets (here: revoked in the database alone, nothing published) is closed 4403 by the process holding its
sockets at that process's next presence refresh (`DEVICE_PRESENCE_SECONDS`)."""

from __future__ import annotations

from datetime import UTC, datetime

from models.devices import DeviceIdentity
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.events import COMMANDS
from tests.support.live import run_server
from tests.support.screens import watch
from tests.support.websocket import WSClient


async def test_W3_a_revoked_device_is_closed_even_when_the_close_request_never_arrives(
    database: str, factory: Factory
) -> None:
    tenant = await factory.tenant()
    revoked, kept = await make_tv(tenant, "Revoked"), await make_tv(tenant, "Kept")
    async with run_server(device_presence_seconds="0.5") as server:
        screen, _ = await watch(server, revoked)
        commands = await WSClient.open(server.ws_url)
        other, _ = await watch(server, kept)
        try:
            assert (await commands.init(revoked.init_payload))["type"] == "connection_ack"
            await commands.subscribe("commands", COMMANDS)
            await DeviceIdentity.filter(device_id=revoked.device.id).update(revoked_at=datetime.now(UTC), online=False)
            assert await screen.close_code(timeout=20) == 4403
            assert await commands.close_code(timeout=20) == 4403
            await other.send({"type": "ping"})
            assert (await other.receive())["type"] == "pong"  # the other device stays connected
        finally:
            for client in (screen, commands, other):
                await client.close()
