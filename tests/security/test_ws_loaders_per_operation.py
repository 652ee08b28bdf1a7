"""DataLoaders live for one operation, also over a websocket: a socket's context outlives its operations, so a
query sent after a change on the same socket reads the change, not what an earlier operation cached."""

from __future__ import annotations

from typing import Any

from models.identity import Role
from tests.support.actors import Factory
from tests.support.devices import make_tv
from tests.support.websocket import data, socket_of

SETTINGS = "query Settings { devices(first: 5) { edges { node { settings { brightness } } } } }"
UPDATE = """mutation Update($input: UpdateDeviceSettingsInput!) {
  updateDeviceSettings(input: $input) { userErrors { field code } }
}"""


async def test_T5_a_websocket_query_after_a_change_reads_the_change(http: Any, factory: Factory) -> None:
    admin = await factory.member(role=Role.ADMIN)
    tv = await make_tv(admin.tenant)
    async with socket_of(http, admin) as socket:
        await socket.subscribe("before", SETTINGS)
        before = data(await socket.next("before"))["devices"]["edges"][0]["node"]["settings"]["brightness"]
        await socket.send(
            {
                "id": "update",
                "type": "subscribe",
                "payload": {"query": UPDATE, "variables": {"input": {"deviceId": tv.gid, "brightness": 37}}},
            }
        )
        assert data(await socket.next("update"))["updateDeviceSettings"]["userErrors"] == []
        assert before != 37
        await socket.subscribe("after", SETTINGS)
        after = data(await socket.next("after"))["devices"]["edges"][0]["node"]["settings"]["brightness"]
        assert after == 37
