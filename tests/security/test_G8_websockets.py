"""G8 over graphql-transport-ws, in production: a principal not allowed the explorer gets no introspection and
no "Did you mean" in the errors a websocket sends (validation errors are streamed before the extension that
removes suggestions over HTTP could act); an explorer role keeps both."""

from __future__ import annotations

from typing import Any

from models.identity import Role
from tests.support.actors import Factory
from tests.support.apps import variant
from tests.support.websocket import socket_of

MISSPELT = (
    "{ synagogu { id } }",
    "subscription { tenantEvnts { kind } }",
    "query ($role: Role!) { members(first: 1, role: $role) { totalCount } }",
)


def _messages(message: dict[str, Any]) -> list[str]:
    assert message["type"] == "error", message
    return [error["message"] for error in message["payload"]]


async def test_G8_no_did_you_mean_over_websockets_for_principals_without_the_explorer(
    app: Any, factory: Factory
) -> None:
    viewer = await factory.member(role=Role.VIEWER)
    admin = await factory.member(tenant=viewer.tenant, role=Role.ADMIN)
    async with variant(app, environment="production", introspection=None) as client:
        async with socket_of(client, viewer) as socket:
            for index, query in enumerate(MISSPELT):
                await socket.subscribe(f"m{index}", query)
                messages = _messages(await socket.next(f"m{index}"))
                assert messages and not any("Did you mean" in m for m in messages), messages
            await socket.subscribe("schema", "{ __schema { queryType { name } } }")
            assert "introspection has been disabled" in _messages(await socket.next("schema"))[0]
        async with socket_of(client, admin) as socket:
            await socket.subscribe("m", MISSPELT[0])
            assert any("Did you mean 'synagogue'?" in m for m in _messages(await socket.next("m")))
